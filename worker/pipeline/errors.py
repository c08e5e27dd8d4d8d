"""Typed failures of the pipeline; the API turns each into a 422 with its message."""


class PipelineError(Exception):
    """Base class: the page cannot be analysed, for a reason a person can read in ``str(e)``."""

    code = "unprocessable"


class NoArticleError(PipelineError):
    """The document holds no article text (empty, a home page, a search page, an image...).

    ``reason`` says which case: ``empty_page`` (no text at all), ``unparsable`` (not readable as
    HTML), ``index_page`` (teasers, links or results rather than running text), ``too_short``
    (some text, too little to be an article: a caption, a video page's one sentence).
    """

    code = "no_article"
    REASONS = ("empty_page", "unparsable", "index_page", "too_short")

    def __init__(self, message: str, reason: str = "too_short") -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self):  # noqa: ANN204 - keeps the reason across Celery's pickling
        return type(self), (str(self), self.reason)


class NotHTMLError(PipelineError):
    """The bytes are not an HTML document (JSON, PDF, an image...)."""

    code = "not_html"


class PageTooComplexError(PipelineError):
    """The page exceeds a structural bound (nesting depth, element count) or its time budget."""

    code = "page_too_complex"


class ArticleTooLongError(PipelineError):
    """The article's text is longer than one analysis parses within its time limit."""

    code = "article_too_long"


class UnsupportedLanguageError(PipelineError):
    """The article is in a language this deployment does not analyse."""

    code = "unsupported_language"
