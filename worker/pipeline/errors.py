"""Typed failures of the pipeline; the API turns each into a 422 with its message."""


class PipelineError(Exception):
    """Base class: the page cannot be analysed, for a reason a person can read in ``str(e)``."""

    code = "unprocessable"


class NoArticleError(PipelineError):
    """The document holds no article text (empty, a home page, a search page, an image...)."""

    code = "no_article"


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
