"""Clean the chosen body paragraph by paragraph: what extractors keep but a reader never reads.

Each rule looks at one short paragraph and its place in the body; long prose paragraphs are never
removed by a pattern, because a sentence that merely mentions "copyright" or "read more" is text.
The rules are about page furniture in general (syndication and copyright notices, bylines and
datelines repeated in the body, photo credits, calls to subscribe or comment, "Read more" links,
the headline and standfirst repeated at the top), never about particular sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from worker.pipeline.extraction.ascii_text import for_words

_WORD = re.compile(r"\w+", re.UNICODE)

# Notices: whole-paragraph furniture, anywhere in the body.
_NOTICE = re.compile(
    r"^(?:"
    r"this (?:article|story|content|post) (?:is|was) (?:reprinted|republished|reproduced|"
    r"originally published|first published)"
    r"|this (?:article|story) (?:originally )?appeared"
    r"|if there is (?:a|any) copyright"
    r"|if (?:you believe )?(?:this|there is an?) (?:infring|copyright)"
    r"|(?:copyright\b|©|\(c\))\s*(?:©\s*)?(?:\d{4}|by\b|(?-i:[A-Z]))"
    r"|all rights reserved"
    # The same notice as other languages write it, after the year or alone in the footer.
    r"|(?:\d{4}\s*[-–|,.]?\s*)?(?:alle rechte vorbehalten|todos los derechos reservados|"
    r"tous droits réservés|tutti i diritti riservati|wszelkie prawa zastrzeżone|"
    r"alle rechten voorbehouden|todos os direitos reservados)"
    r"|this copy is for your personal"
    r"|this material may not be (?:published|reproduced)"
    r"|distribution and use of this material"
    r"|(?:read|see|watch|click) (?:more|also|here|next|the full)\b"
    r"|(?:also read|related(?: stories| articles| coverage| content)?|more on this|recommended|"
    r"don'?t miss|must read|trending|editor'?s picks?|top stories|most read|popular)\s*[:|]?$"
    r"|(?:also read|related|see also|read also|more|watch|listen)\s*:"
    r"|advertisement$|advertising$|sponsored(?: content)?$|story continues below"
    # The same label as German, Spanish and French sites set it, and the German disclosure
    # line ("*Werbung. Dieser Beitrag enthält Werbung für ...", "ANZEIGE - Heute mal ...").
    r"|\*?(?:anzeige|werbung|publicidad|publicité)\W*$|(?-i:ANZEIGE)\s*[-–:|]"
    r"|\*?werbung\W+dieser (?:beitrag|artikel|post) enthält werbung"
    r"|(?:share|share this|share on|tweet|email|print|print article|order reprints|reprints)$"
    r"|(?:sign up|subscribe|register)\b.{0,80}(?:newsletter|inbox|updates|free|today)"
    r"|(?:get|receive) (?:the latest|our|the best).{0,60}(?:inbox|newsletter|delivered)"
    # "Thanks for signing up" closes a newsletter box; "Thanks for reading!" closes the writer's
    # own text (a letter's or a blog post's last line), which every set's truth keeps.
    r"|thanks? (?:you )?for (?:signing up|subscribing)"
    r"|(?:follow|like) us on\b"
    # WordPress's like widget: "%d bloggers like this:" as its localised templates write it.
    r"|(?:%d |\d+ )?(?:bloggers? likes? this|bloggern gefällt das|blogueurs aiment cette page|"
    r"blogueros les gusta esto|blogger hanno fatto clic su mi piace)\W*$"
    r"|(?:click|tap) here to\b"
    r"|(?:\d+|no|view|show|load|read all|leave a|add a|post a|top rated)\s+comments?"
    r"(?:\s*\(\d+\))?\W*$"
    r"|comments?\s*(?:\(\d+\))?$"
    # The same counters in German, Spanish and French: "3 Kommentare", "Kommentare (2)",
    # "Kommentare insgesamt: 0", "Sin comentarios".
    r"|(?:\d+|keine?|sin|aucun)\s+(?:kommentare?|comentarios?|commentaires?)\W*$"
    r"|(?:kommentare?|comentarios?|commentaires?)\s*(?:\(\d+\)|insgesamt\s*:?\s*\d+)?\W*$"
    # The footer's links alone, where the body ran into it: "Impressum", "Privacy Policy".
    r"|(?:impressum|imprint|datenschutz(?:erklärung)?|privacy policy|terms of (?:use|service)|"
    r"kontakt|contact us)\W*$"
    r"|tell us what you think"
    # The appeal that follows a story: "If you enjoyed this article, ... Join ...".
    r"|if you (?:enjoyed|liked|like|enjoy) (?:this|the|our) (?:article|story|post|piece)"
    # A wiki's pointer to the section's own page: "Main article: Climate of New Zealand".
    r"|main articles?\s*:"
    # The letters-page prompt under a story: "We want to hear what you think about this ...".
    r"|we(?: would|'d)? (?:want|like|love) to hear (?:what you think|from you)"
    # The pointer past an inline box back to the story, alone or after the box's last words.
    r"|(?:.{0,60}\s)?continue reading the main story\W*$|find out more\W*$"
    # A promotion of a sister site: "Visit Example.com for breaking news, ...".
    r"|visit (?:[\w-]+\.)+(?:com|org|net|co\.uk|de|es|fr)\b for\b"
    # A login wall's notice: "You are not logged in.", "Sie sind aktuell nicht eingeloggt."
    r"|(?:you are|you're) not (?:logged|signed) in\b"
    r"|sie sind (?:aktuell |derzeit |momentan )?nicht (?:eingeloggt|angemeldet)\b"
    # A listing's disclaimer alone: "(Alle Angaben ohne Gewähr)", "All details without guarantee".
    r"|\(?(?:alle angaben ohne gew[äa]hr|all (?:details|information) without guarantee)\W*$"
    # The site's own "more on" label: "Mehr zum Thema auf Example.de", "Más sobre La Tercera".
    r"|(?:mehr zum thema (?:auf|bei)|más sobre) (?:[^.!?]|\.(?=\w)){1,40}$"
    # Pointers to another page: "Weitere Infos unter www.example.de.", "More details at
    # example.org", "Alles über Wanderschuhe findest du hier.", "... weiter zu "Teil 2"".
    r"|(?:weitere|mehr) infos?(?:rmationen)? (?:unter|auf|bei) \S+\W*$"
    r"|more (?:info|information|details) (?:at|on) \S+\W*$"
    r"|[^.!?]{0,80}\b(?:findest du|finden sie|gibt es) (?:hier|unter diesem link)\W*$"
    r"|\W*weiter zu\b[^.!?]{0,60}$"
    r"|(?:have a (?:news )?tip|got a (?:news )?tip)\b"
    r"|(?:write|contact|email|reach) (?:to )?(?:the (?:author|reporter|writer)|[A-Z][\w.'-]+"
    r"(?: [A-Z][\w.'-]+){0,3}) at \S+@\S+"
    r"|an error has occurred|there was an error processing"
    r"|(?:you may also like|you might also like|more from .{0,40}|more stories|up next)\W*$"
    r"|we use cookies"
    # A reading-time estimate: "5 min read", "Reading time: 3 minutes", "Lesedauer etwa 2 Min".
    r"|\d+\s*(?:min(?:ute)?s?|minuten|minutos)\.?\s*(?:read|lesezeit|de lecture|de leitura|"
    r"de lectura|di lettura)\W*$"
    r"|(?:estimated )?(?:reading time|read time|lesezeit|lesedauer|temps de lecture|"
    r"tempo de leitura|tiempo de lectura|tempo di lettura)\b\W*(?:\w+\W*){0,2}"
    r"\d+\s*(?:min|minute|minuten|minutos|minuti)\w*\.?$"
    r")",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"\bclick here\b|^(?:sign up|subscribe|register|join)\b|\bsubscribe to our\b|"
    r"\bsign up\b.{0,80}\b(?:newsletter|inbox|email)|\bfollow us on\b|"
    # "Get the NBC News app" names an app in a few words; "get the new version of the app,
    # Google Play sends ..." is a sentence about apps, not a call to action.
    r"\bdownload (?:our|the) app\b|\bget the (?:[\w'&.-]+ ){1,3}app\b|"
    # The site's own channels: "download the Nationnews apps", "Follow The Gleaner on Twitter".
    r"\bdownload (?:our|the)(?: [\w-]+){1,3} apps?\b|\bnever miss\b.{0,60}\b(?:sign|subscrib)|"
    r"^follow (?:[\w@.'&-]+ ){1,4}on (?:twitter|facebook|instagram|tiktok|youtube|linkedin)\b|"
    # Contact prompts: "Send us a message on WhatsApp", "submit a letter to the editor".
    r"\bsend us (?:a|an|your) (?:message|tip|letter|e-?mail)\b|\bsubmit a letter to the editor\b|"
    r"\blet us know what you think\b|\b(?:rss-feed|newsletter) abonnieren\b|"
    # Appeals for money and the print edition's promotion: "We need your help ... Donate",
    # "jetzt am Kiosk, im Abo, als E-Paper", "und erhalten Sie exklusive Angebote".
    r"\b(?:we need your help|help us|support us)\b.{0,120}\bdonate\b|"
    r"\bim abo\b.{0,40}\bals e-?paper\b|\berhalten sie exklusive (?:angebote|vorteile)\b|"
    # The same calls in other languages: "click here", the site's channels, membership and
    # subscription ("Hier klicken", "nuestro canal de YouTube", "Hazte miembro", "Zapraszamy
    # do subskrypcji").
    r"\b(?:hier klicken|klicken sie hier|cliquez ici|haga clic aquí|haz clic aquí)\b|"
    r"\bnuestro canal de (?:youtube|telegram|whatsapp)\b|\bhazte (?:miembro|socio)\b|"
    r"\b(?:suscr[íi]bete|s[íi]guenos en|[úu]nete (?:a|desde))\b|"
    r"\bsuscrib\w*\b.{0,60}\bnewsletter\b|\bzapraszamy\b.{0,40}\bsubskrypc",
    re.IGNORECASE,
)
# "Follow him on Twitter" closes a wire note; in an author's bio ("Jane Roe is a reporter
# for ... Follow her on Twitter @janeroe") it closes text that stories' readers read.
_FOLLOW_PERSON = re.compile(r"\bfollow (?:him|her|them) on\b", re.IGNORECASE)
_BIO = re.compile(r"^(?:[A-Z][\w.'-]+ ){1,3}(?:is|was|covers|writes)\b")
# A German story's closing source line alone, "Quelle: Landesregierung" (as "Source:" is in
# _CREDIT): the press office or agency the text came from, not a sentence of it.
_SOURCE_LINE = re.compile(r"^\(?quelle\s*:\s*[^.!?]{1,60}\)?$", re.IGNORECASE)
# The same line dated, "Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin": the
# date's dots are no sentence's end.
_DATED_SOURCE_LINE = re.compile(
    r"^\(?quelle\s*:\s*[^.!?]{1,60}?,\s*\d{1,2}\.\s*(?:\d{1,2}\.|[^\W\d]+)\s*\d{4}"
    r"(?:,\s*[^.!?]{1,30})?\)?$",
    re.IGNORECASE,
)
# A listing's count standing alone under its label, "(24 Rezepte)", "(3 comments)".
_COUNT_LABEL = re.compile(
    r"^\(\d+ (?:rezepte|recipes|kommentare|comments|fotos|photos|bilder|artikel|articles)\)$",
    re.IGNORECASE,
)
# A health site's review notice under the text ("Dieser Text entspricht den Vorgaben der
# ärztlichen Fachliteratur ... und wurde von Medizinern geprüft"): the site's, not the story's.
_REVIEW_NOTICE = re.compile(
    r"^dieser (?:text|artikel|beitrag) entspricht den vorgaben der ärztlichen fachliteratur\b",
    re.IGNORECASE,
)
# A download link's label: "Annual report 2021 PDF | 38 KB", "Form (DOCX, 1.2 MB)".
_DOWNLOAD = re.compile(
    r"(?:\b|(?<=\d))(?:pdf|docx?|xlsx?|pptx?|zip|odt)\b\W{0,4}\d+(?:[.,]\d+)?\s?"
    r"(?:[km]i?b|kbyte|mbyte)\b",
    re.IGNORECASE,
)
# A numbered figure's caption: "Abbildung 4: ...", "Fig. 2: ..." (short: MAX_FURNITURE_WORDS).
_FIGURE_LABEL = re.compile(r"^(?:abbildung|abb\.|figure|fig\.|grafik) ?\d+\s?:", re.IGNORECASE)
# A paragraph opening "Follow <site> on Twitter ..." promotes the site's channels whatever
# follows (handles, a WhatsApp number, addresses to write to), up to MAX_FURNITURE_WORDS.
_FOLLOW_US = re.compile(
    r"^follow (?:[\w@.'&-]+ ){1,4}on (?:twitter|facebook|instagram|tiktok|youtube|linkedin)\b"
    r".*(?:@|\bwhatsapp\b|\bemail us\b)",
    re.IGNORECASE,
)
# Words one of which every alternative of _CALL_TO_ACTION holds (its source, lowercased, shows
# each; tests/extraction/test_same_output_paths.py checks it): ASCII text holding none of them
# cannot match, and most short paragraphs are tested in a microsecond instead of the regex's
# seven. Only ASCII: there ignoring case is lowercasing (the regex also folds "ſ" and "K").
_CALL_TO_ACTION_WORDS = (
    "click here",
    "sign up",
    "subscribe",
    "register",
    "join",
    "follow ",
    "download ",
    "get the ",
    "never miss",
    # contact prompts, appeals and the print edition's promotion
    "send us ",
    "submit a letter",
    "let us know",
    "abonnieren",
    "donate",
    "im abo",
    "erhalten sie",
    # the same calls in other languages
    "klicken",
    "cliquez",
    "clic ",
    "nuestro canal",
    "hazte",
    "suscr",
    "guenos en",
    "nete ",
    "zapraszamy",
)


def _is_call_to_action(text: str) -> bool:
    if text.isascii():
        low = text.lower()
        if not any(word in low for word in _CALL_TO_ACTION_WORDS):
            return False
    return _CALL_TO_ACTION.search(text) is not None


# The same notices as other languages write them: "read also" pointers to another story
# ("Lea también: ...", "À lire aussi", "Czytaj też"), a teaser box's label, and promotions of
# the site's own channels. The short imperatives that are also first names ("Mira", "Lea")
# count only in capitals, as news sites set them.
_FOREIGN_POINTER = (
    r"lea (?:también|más|además)|lee (?:también|más)|vea (?:también|más)|mire(?: también)?|"
    r"puede(?:s)? ver|(?:le|te) puede (?:interesar|gustar)|(?:le|te) recomendamos|"
    r"noticias relacionadas|art[íi]culos? relacionados?|relacionad[oa]s?|"
    r"leia (?:também|mais)|veja (?:também|mais)|saiba mais|"
    r"(?:à |a )?lire (?:aussi|également|la suite)|(?:à |a )?voir aussi|"
    r"lesen sie (?:auch|mehr|hier)|auch lesen|schon gelesen|weiterlesen|mehr zum thema|"
    r"weitere (?:themen|artikel|informationen zum thema)|"
    r"(?:das )?könnte (?:sie|dich|euch) (?:auch )?interessieren|"
    r"(?:empfohlene|ähnliche|verwandte) (?:beiträge|artikel)|lust auf mehr|"
    r"siehe auch|passend (?:dazu|zum thema)|auch interessant|meist(?:-| )?(?:gelesen|diskutiert)|"
    r"leggi (?:anche|tutto)|potrebbe interessarti|articoli correlati|"
    r"czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również)|przeczytaj (?:też|także)|"
    r"lees (?:ook|meer)|bekijk ook"
)
# The two-word pointers, which also open a longer label ("Lesen Sie auch die folgenden
# Beiträge:"); single words ("Relacionado") open prose too, a quote's lead-in among it.
_FOREIGN_LABEL = (
    r"lesen sie (?:auch|mehr)|lea (?:también|más)|lee también|vea también|leia também|"
    r"veja também|(?:à |a )?lire aussi|czytaj (?:też|także)|zobacz (?:też|także)|leggi anche|"
    r"lees ook"
)
_FOREIGN_NOTICE = re.compile(
    r"^(?:(?:" + _FOREIGN_POINTER + r")\s*(?:[:?!.|»›>-]|$)"
    r"|(?:" + _FOREIGN_LABEL + r")\b.{0,60}:$"
    r"|(?-i:MIRA|MIRE|VEA|LEA)\s*:"
    r"|(?:vea|mire)\s*:)",
    re.IGNORECASE,
)
# A teaser box's label alone ("Lesen Sie auch", "À lire aussi"): the box's short items follow.
_FOREIGN_TEASER_HEADING = re.compile(r"^(?:" + _FOREIGN_POINTER + r")\W*$", re.IGNORECASE)
# CMS shortcodes left unrendered: "[button link=...]Send us your review[/button]".
_SHORTCODE = re.compile(r"^\[\w+[^\]]*\].*\[/\w+\]$")
# Photo and image credits: a short paragraph naming a picture's source.
_CREDIT = re.compile(
    r"^(?:\(?(?:photo|photograph|image|picture|pictured|illustration|video|graphic|file photo|"
    r"credit|photo credit|source|caption)s?\s*(?:by|credit|courtesy|:|/|\|)"
    r"|\(?(?:getty images|ap photo|afp|reuters|shutterstock|istock|epa|alamy)\b.{0,60}$"
    r"|.{0,120}\((?:photo|image|picture|credit)[^)]*\)$"
    r"|.{0,80}(?:/ ?getty images|/ ?ap photo|/ ?reuters|/ ?afp|/ ?shutterstock|/ ?istock)\)?$"
    # A caption signed with its picture's rights holder: "... aus der Schweiz. © AFP / M. Rossi".
    r"|.{0,240}[.!?:|]\s*©\s?[^©.!?]{2,60}$"
    # The same labels as other languages write them: "Foto: M. Rädel", "Bildquelle: SWR",
    # "Crédits photos : Bestimage", "Beitragsbild: ..."; "Quelle:" only alone (_SOURCE_LINE).
    r"|\(?(?:fotos?|fotograf(?:ie|ía|ia)|bild(?:er|quelle|nachweis)?|beitragsbild|titelbild|"
    r"symbolbild|cr[ée]dits? photos?|cr[ée]ditos?(?: d[ae])? fotos?|foto di|zdj[eę]cie)"
    r"(?:/[\w ]{1,20})?\s*(?::|©)"
    r")",
    re.IGNORECASE,
)
# Bylines and datelines repeated inside the body.
_BYLINE = re.compile(
    r"^((?:by|written by|posted by|published by|reported by|words by|story by))\s+\S.{0,80}$",
    re.IGNORECASE,
)
# Wire-story credit lines: "Reporting by ...; Editing by ...".
_CREDITS_LINE = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced|edited|research) by\b"
    r"(?:[^;]{0,80}$|.{0,400};.{0,400}\bby\b.{0,200}$)",
    re.IGNORECASE,
)
# Bylines in other languages: a labelled form, or a bare preposition followed by a name only.
_FOREIGN_BYLINE = re.compile(
    r"^(?:(?i:publicado por|escrito por|geschrieben von|publié par|scritto da|autor|autora|"
    r"auteur)\s*:?\s+\S"
    r"|(?i:por|von|par|di|door|av|af)\s+(?:[A-ZÀ-Ý][\w'.-]+\s*){1,4}$)"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|modified|date|first published)\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?"
    r"(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH + r",?\s+\d{4}|\d{4}-\d{2}-\d{2}|"
    # The German form with the month's name: "24. März 2004".
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}\.\s?[^\W\d_]{3,10}\.?\s+\d{4})"
    r"(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?"
    # A blog post's line of date and one field: "November 23, 2004 | Permalink", "2021-10-16 |
    # Botschaft", "May 03, 2005 | 25 Comments".
    r"(?:\s*\|\s*[^|.!?]{1,30})?\W*$",
    re.IGNORECASE,
)
# A post's metadata line: several labelled fields ("Posted by: X - Category: Y - Tags: z").
_META_LABEL = re.compile(
    r"(?:^|[\s|·•-])(?:tags?|categor(?:y|ies|ia|ie|ias)|kategorien?|filed under|posted (?:by|in|on)"
    r"|publicado (?:por|em|en)|publié (?:par|le)|veröffentlicht(?: von| am)?|schlagwörter|rubrik"
    r"|autor(?:a|in)?|author|date|fecha|data|keywords?|labels?|etiquetas?)\s*:",
    re.IGNORECASE,
)
# A site's address alone (its dots make it no word of a sentence): "www.example.de", "BVINEWS.COM".
_DOMAIN = re.compile(
    r"^(?:www\.)?(?:[\w-]+\.)+(?:com|net|org|info|de|at|ch|co\.uk|fr|es|it)$", re.I
)
_PUBLISHED_LINE = re.compile(
    r"^(?:\(?(?:published|updated|posted|last updated)\b(?=.*\d).{0,60}\)?)$", re.IGNORECASE
)
# Headings of teaser boxes (short linked headlines follow, then the story resumes).
_TEASER_HEADING = re.compile(
    r"^(?:related(?: stories| articles| posts| coverage| content| news| links)?|"
    r"you may also like|you might also like|you (?:may|might) also be interested in|"
    r"more (?:stories|news|from|on this)\b.*|"
    r"recommended(?: for you| stories| reading)?|read next|up next|what to read next|"
    r"(?:also|must) read|read more|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|"
    r"don'?t miss|see more|see also|popular (?:stories|posts|now)|editor'?s picks?|"
    r"top stories|latest (?:news|stories)|trending news)\W*$",
    re.IGNORECASE,
)
# Headings that open end-of-page furniture whose items are prose (comments, author bios):
# from here to the end nothing is article.
_END_HEADING = re.compile(
    r"^(?:(?:top rated |latest |reader |show |view )?comments?(?:\s*\(\d+\))?|\d+ comments?|"
    r"leave a (?:reply|comment)|join the (?:discussion|conversation)|"
    r"share this(?: article| story)?|about the author|sign up for .{0,60}|"
    r"tell us what you think.*)\W*$",
    re.IGNORECASE,
)
# Short blocks a teaser box may hold before the story resumes.
MAX_TEASER_RUN = 10

# Short means a paragraph a pattern may remove; long ones are prose and stay.
MAX_FURNITURE_WORDS = 40
# A block this long that ends like a sentence is prose.
PROSE_WORDS = 20
# Closing quotes of every convention count: German „…“ and ‚…‘, French « … », Swiss «…».
_SENTENCE_END = set(".!?\"'”’»)…:。！？」』“‘«›")
# A tail heading is a label, not a sentence that happens to start "More from...".
MAX_HEADING_WORDS = 10
# A wholly linked paragraph up to this long is a teaser headline, not article text.
MAX_TEASER_WORDS = 25
# Linked headings between prose paragraphs, at least this many, head a list article's items.
MIN_LINKED_SUBHEADINGS = 3
# Such a heading's length in characters (its words are counted only below it).
MAX_LINKED_HEADING_CHARS = 160
# Calls to action are furniture wherever they sit in a short paragraph.
MAX_CTA_WORDS = 30
# A standfirst is a sentence or two; a longer paragraph equal to the description is the lead.
MAX_STANDFIRST_WORDS = 25
# A label introducing what follows it ("Further information:") is at most this many words.
MAX_LABEL_WORDS = 5
# How far into the body the headline may appear for what precedes it to count as furniture.
TITLE_WINDOW = 6


@dataclass(frozen=True)
class Context:
    title: str | None = None
    byline: str | None = None
    description: str | None = None
    site: str | None = None
    # The page's link texts (see htmlprocessing.link_texts): a short paragraph that is wholly
    # a link is a teaser for another page.
    linked: frozenset[str] = frozenset()
    # Link texts of two words or more (see htmlprocessing.headline_texts): teasers open with one.
    headlines: frozenset[str] = frozenset()
    # Every link text of the page, however short (see htmlprocessing.anchor_texts): a table
    # row whose every cell is a link is a navigation bar laid out as a table.
    anchors: frozenset[str] = frozenset()


def collapse(text: str) -> str:
    """``" ".join(text.split())``: the text's words one space apart.

    Most paragraphs reach the filters collapsed already (both extractors write them so):
    those are returned as they are instead of split into words and joined again. Every
    whitespace character but the space is unprintable (categories Cc, Zs, Zl, Zp), so a
    printable text without two spaces in a row or at either end has nothing to collapse.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def flat(text: str) -> str:
    """Lowercased, whitespace-collapsed text, the form link texts are compared in."""
    return collapse(text).lower()


# ASCII text's words by a byte table: word characters ([0-9A-Za-z_], what \\w is in ASCII)
# lowercased, every other byte a space. The regex's per-character tests and a string object per
# word were most of the time of the word counts and comparisons; most text is ASCII.
_ASCII_WORD_BYTES = bytes(
    ord(chr(b).lower()) if chr(b).isalnum() or chr(b) == "_" else 32 for b in range(128)
) + bytes(range(128, 256))
# The same with every word character an "a": a word starts at each " a" (or an "a" first).
_ASCII_WORD_MARKS = bytes(
    97 if chr(b).isalnum() or chr(b) == "_" else 32 for b in range(128)
) + bytes(range(128, 256))


def word_string(text: str) -> str:
    """The text's words lowercased, one space apart: ``" ".join(_WORD.findall(text.lower()))``."""
    ascii_text = for_words(text)
    if ascii_text is not None:
        return b" ".join(ascii_text.encode().translate(_ASCII_WORD_BYTES).split()).decode()
    return " ".join(_WORD.findall(text.lower()))


@lru_cache(maxsize=4096)
def _norm(text: str | None) -> str:
    if text and for_words(text) is not None:
        return word_string(text)  # lowercasing ASCII before or after finding words is the same
    # Lowercased once, joined: the same as token by token (spaces keep Greek final sigma).
    return " ".join(_WORD.findall(text or "")).lower()


@lru_cache(maxsize=8192)
def _words(text: str) -> int:
    # Cached: the same paragraph is judged in each candidate body and by several rules.
    ascii_text = for_words(text)
    if ascii_text is not None:
        marks = ascii_text.encode().translate(_ASCII_WORD_MARKS)
        return marks.count(b" a") + marks.startswith(b"a")
    return len(_WORD.findall(text))


# fmt: off
_NAME_PARTICLES = {"and", "&", "de", "van", "von", "der", "den", "al", "bin", "la", "le", "du",
                   "da", "di", "del", "dos", "y"}
# fmt: on
_BYLINE_END = re.compile(r"\s*(?:\||—|–| - |,|;|\bon\b|\bupdated\b|\bpublished\b|\d)", re.I)


def _is_byline(text: str) -> bool:
    """ "By Jane Doe", "By Jane Doe and John Roe | Updated ...": a name, not "By the end of"."""
    m = _BYLINE.match(text)
    if not m or _words(text) > 16:
        return False
    name = _BYLINE_END.split(text[m.end(1) :].strip(), maxsplit=1)[0].split()
    return 0 < len(name) <= 8 and all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in name)


# Bounded small: each entry holds its page's Context (link texts), kept past the page.
@lru_cache(maxsize=2048)
def is_furniture(paragraph: str, context: Context) -> bool:
    """Whether one paragraph is page furniture rather than article text."""
    text = collapse(paragraph).lstrip("-•*– ").strip()
    if not text:
        return True
    if not _WORD.search(text):
        return True  # punctuation, arrows or emoji rows
    if context.anchors and text.startswith("|") and _is_link_row(text, context.anchors):
        return True
    if _words(text) > MAX_FURNITURE_WORDS:
        return False
    if _NOTICE.match(text) or _CREDIT.match(text) or _SHORTCODE.match(text):
        return True
    if _FOREIGN_NOTICE.match(text):
        return True
    if _words(text) <= MAX_CTA_WORDS and _is_call_to_action(text):
        return True
    if _words(text) <= MAX_CTA_WORDS and _FOLLOW_PERSON.search(text) and not _BIO.match(text):
        return True
    if _SOURCE_LINE.match(text) or _DATED_SOURCE_LINE.match(text):
        return True
    if _COUNT_LABEL.match(text) or _REVIEW_NOTICE.match(text):
        return True
    if _words(text) <= MAX_TEASER_WORDS and _DOWNLOAD.search(text):
        return True
    if _FIGURE_LABEL.match(text):
        return True
    if _FOLLOW_US.match(text):
        return True  # the channels' handles and addresses that follow make it long
    if _is_byline(text):
        return True
    if _CREDITS_LINE.match(text):
        return True
    if _FOREIGN_BYLINE.match(text) and _words(text) <= 10:
        return True
    if context.linked and _words(text) <= MAX_TEASER_WORDS and flat(text) in context.linked:
        return True
    if _DATELINE.match(text) or (_PUBLISHED_LINE.match(text) and _words(text) <= 12):
        return True
    # Each label ends in its own colon: fewer than two colons, fewer than two labels.
    if (
        _words(text) <= MAX_TEASER_WORDS
        and text.count(":") >= 2
        and len(_META_LABEL.findall(text)) >= 2
    ):
        return True
    byline = _norm(context.byline)
    norm = _norm(text)
    if byline and norm and (norm == byline or norm.startswith(f"by {byline}")):
        return True
    if _DOMAIN.match(text):
        return True  # a syndicated story's source alone, "BVINEWS.COM"
    return text.startswith("http") and " " not in text


def _is_link_row(text: str, anchors: frozenset[str]) -> bool:
    """A table row (trafilatura writes cells between "|") whose every filled cell is a link.

    Pages laid out in tables put their menus there, a link per row or per cell; the row reads
    as a short paragraph that no single link text matches. Pipes the page writes inside a cell
    ("Home | News | Sport", escaped by trafilatura) part its links too.
    """
    pieces = [flat(piece.strip("\\")) for piece in text.split("|")]
    pieces = [piece for piece in pieces if piece]
    return bool(pieces) and all(piece in anchors for piece in pieces)


def _is_title(norm: str, title: str) -> bool:
    if not title or not norm:
        return False
    if norm == title or (len(norm) > 20 and norm in title):
        return True
    return len(title) > 20 and title in norm and len(norm) < len(title) * 1.3


def is_title(paragraph: str, title: str | None) -> bool:
    """Whether the paragraph is the page's headline (or holds it, with a label or two)."""
    return _is_title(_norm(paragraph), _norm(title))


def _strip_top(paragraphs: list[str], context: Context) -> list[str]:
    """Drop what precedes the headline, the headline, and the standfirst, byline and dateline.

    When the headline shows up among the first few blocks, what came before it is page
    furniture (teasers, section labels), since an article starts under its headline.
    """
    title, description = _norm(context.title), _norm(context.description)
    head = [_norm(p) for p in paragraphs[:TITLE_WINDOW]]
    start = 0
    title_seen = False
    for i, norm in enumerate(head):
        if _is_title(norm, title):
            # A near match with running prose above it is a sub-heading that repeats the title
            # ("My top 10 ..." under an introduction), not the headline the article starts under.
            if norm != title and any(is_prose(p) for p in paragraphs[:i]):
                break
            start, title_seen = i + 1, True
            break
    while start < len(paragraphs):
        norm = _norm(paragraphs[start])
        # The standfirst under the headline is short; a longer match is the lead paragraph.
        standfirst = title_seen and bool(description) and norm == description
        if not (
            (standfirst and _words(norm) <= MAX_STANDFIRST_WORDS)
            or _is_title(norm, title)
            or is_furniture(paragraphs[start], Context(byline=context.byline))
        ):
            break
        start += 1
    return paragraphs[start:]


@lru_cache(maxsize=8192)
def is_prose(block: str) -> bool:
    """Long enough to be a sentence of running text, and ending like one."""
    # Bytes, not characters: a CJK character (3 bytes in UTF-8) carries about a word's meaning.
    long_enough = len(block.encode("utf-8")) >= 150 or _words(block) >= PROSE_WORDS
    return long_enough and block.rstrip()[-1:] in _SENTENCE_END


def _heading_text(paragraph: str) -> str | None:
    text = paragraph.strip().lstrip("-•* ").strip()
    return text if _words(text) <= MAX_HEADING_WORDS else None


def is_tail_heading(paragraph: str) -> bool:
    """Whether a paragraph heads a teaser box or end-of-page furniture."""
    text = _heading_text(paragraph)
    return text is not None and bool(
        _TEASER_HEADING.match(text)
        or _FOREIGN_TEASER_HEADING.match(text)
        or _END_HEADING.match(text)
    )


_NUMBERED = re.compile(r"^(?:[-•*] )?(\d{1,3})[.)] \S")


def _numbered_sequence(paragraphs: list[str]) -> set[int]:
    """Indexes of the short blocks that go on the body's own numbering: "5. ..." after "4. ...".

    A list article's numbered sub-headings ("4. Hotel rooms are priced ...", "5. Beware the
    wall-mounted hairdryer") are short, and one may sit right under a teaser label or a
    gallery that the template put between two of them; it is the story resuming all the same.
    Only a number whose predecessor headed prose counts: a teaser box's own numbered items
    follow one another with no prose between them.
    """
    headed: set[int] = set()  # numbers whose heading had prose under it
    going_on: set[int] = set()
    last = None
    for i, paragraph in enumerate(paragraphs):
        if is_prose(paragraph):
            if last is not None:
                headed.add(last)
            continue
        m = _NUMBERED.match(paragraph)
        if m is None:
            continue
        last = int(m.group(1))
        if last - 1 in headed:
            going_on.add(i)
    return going_on


def _drop_teaser_boxes(paragraphs: list[str], going_on: set[int] | None = None) -> list[str]:
    """Drop each teaser box: its heading and the short blocks under it, up to the next prose.

    ``going_on``: indexes of blocks that resume the story (see ``_numbered_sequence``); the
    box ends at one of them as at prose.
    """
    going_on = going_on or set()
    kept: list[str] = []
    skipping = 0
    for i, paragraph in enumerate(paragraphs):
        if skipping and not is_prose(paragraph) and i not in going_on:
            skipping -= 1
            continue
        skipping = 0
        text = _heading_text(paragraph)
        if text is not None and (
            _TEASER_HEADING.match(text) or _FOREIGN_TEASER_HEADING.match(text)
        ):
            skipping = MAX_TEASER_RUN
            continue
        kept.append(paragraph)
    return kept


def _cut_tail(paragraphs: list[str]) -> list[str]:
    """Cut from an end heading ("Comments", "About the author") on, in the body's last 40%."""
    total = sum(_words(p) for p in paragraphs) or 1
    seen = 0
    for i, paragraph in enumerate(paragraphs):
        text = _heading_text(paragraph)
        if seen >= 0.6 * total and text is not None and _END_HEADING.match(text):
            return paragraphs[:i]
        seen += _words(paragraph)
    return paragraphs


# "3/10", "3 of 10", and the labelled forms galleries write: "Bild 3 von 10", "Photo 3 of 10".
_SLIDE = re.compile(
    r"^(?:[-•*] )?(?:(?:bild|foto|image|photo|picture|slide)\s+)?(\d{1,3}) ?(?:/|of|von) ?"
    r"(\d{1,3})\b",
    re.IGNORECASE,
)
# A slide's label alone ("Bild 3 von 10"), its caption elsewhere: a few words at most.
MAX_SLIDE_LABEL_WORDS = 5


def is_slide_label(block: str) -> bool:
    """A gallery's counter standing alone as a block: "Bild 3 von 10", "3/10"."""
    return _SLIDE.match(block) is not None and _words(block) <= MAX_SLIDE_LABEL_WORDS


# A gallery numbers at least this many slides "1/50", "2/50"... with one total.
MIN_SLIDES = 3


def _drop_slideshows(paragraphs: list[str], going_on: set[int] | None = None) -> list[str]:
    """Drop a photo gallery's slides: each opens "k/N" (or "k of N"), its caption follows.

    A gallery embedded in or under a story ("Business news in pictures") reads as prose, one
    caption per slide, and readability often takes it for the body; it is not the article.
    ``going_on``: indexes of blocks that resume the story (see ``_numbered_sequence``).
    """
    going_on = going_on or set()
    marks = [_SLIDE.match(p) for p in paragraphs]
    # Distinct slide numbers: a recipe's "1/2 cup", "1/2 teaspoon" are one fraction repeated.
    slides: dict[str, set[str]] = {}
    for m in marks:
        if m and 0 < int(m.group(1)) <= int(m.group(2)):
            slides.setdefault(m.group(2), set()).add(m.group(1))
    galleries = {total for total, seen in slides.items() if len(seen) >= MIN_SLIDES}
    if not galleries:
        return paragraphs
    kept: list[str] = []
    # Between one slide and the next, everything is the slide's caption and credit; after the
    # last slide only its short lines are (the story may go on below the gallery).
    between = after_last = False
    for i, (paragraph, mark) in enumerate(zip(paragraphs, marks, strict=True)):
        if mark and mark.group(2) in galleries:
            between = int(mark.group(1)) < int(mark.group(2))
            after_last = not between
            continue
        if i not in going_on and (between or (after_last and not is_prose(paragraph))):
            continue
        between = after_last = False
        kept.append(paragraph)
    return kept


def _linked_subheadings(paragraphs: list[str], context: Context) -> set[int]:
    """Indexes of wholly linked short blocks that head the prose of a list article.

    A list article ("the 8 games worth buying") heads each item with the item's name linked to
    its maker's or shop's page, then a paragraph about it. Alone, such a heading reads like a
    teaser's linked headline; it is one of the story's sub-headings when at least
    ``MIN_LINKED_SUBHEADINGS`` of them each sit between two paragraphs of prose. A teaser box
    set in the story is a run of links, and a lone "read also" headline is one.
    """
    if not context.linked or len(paragraphs) < 2 * MIN_LINKED_SUBHEADINGS + 1:
        return set()
    found = set()
    for i in range(1, len(paragraphs) - 1):
        text = paragraphs[i]
        # Cheapest tests first: most blocks are long paragraphs or sit among short lines, and
        # the link sets are looked up only for a short block between two prose paragraphs.
        # Short item names ("Tide Runner ($30)") count too: the headline set holds link texts
        # of two words or more, however short.
        if (
            len(text) > MAX_LINKED_HEADING_CHARS
            or not is_prose(paragraphs[i - 1])
            or not is_prose(paragraphs[i + 1])
            or _words(text) > MAX_HEADING_WORDS
            or is_prose(text)
        ):
            continue
        key = flat(text)
        if key in context.headlines or key in context.linked:
            found.add(i)
    return found if len(found) >= MIN_LINKED_SUBHEADINGS else set()


def clean_paragraphs(paragraphs: list[str], context: Context) -> list[str]:
    """The body without furniture, each paragraph whitespace-normalised, duplicates collapsed."""
    # Split and joined: the same as collapsing r"\s+" and stripping (str.split's whitespace is
    # the regex's), a fifth of the time on a paragraph.
    paragraphs = [collapse(p) for p in paragraphs]
    paragraphs = _strip_top([p for p in paragraphs if p], context)
    paragraphs = _drop_slideshows(paragraphs, _numbered_sequence(paragraphs))
    paragraphs = _cut_tail(_drop_teaser_boxes(paragraphs, _numbered_sequence(paragraphs)))
    kept: list[str] = []
    headings = _linked_subheadings(paragraphs, context)
    unlinked = replace(context, linked=frozenset()) if headings else context
    for i, paragraph in enumerate(paragraphs):
        if is_furniture(paragraph, unlinked if i in headings else context):
            continue
        # A short block repeated at once is a template echo (a standfirst shown twice); a long
        # paragraph the page writes twice is text a reader reads twice. (Length first: the
        # comparison normalises both, and most of a body's text is in long paragraphs.)
        short = _words(paragraph) <= MAX_FURNITURE_WORDS
        if short and kept and _norm(kept[-1]) == _norm(paragraph):
            continue
        kept.append(paragraph)
    # A label left dangling at the end ("Weitere Informationen:", "Contact:"): what it
    # introduced (links, addresses) was cut as furniture or never was text.
    while kept and _words(kept[-1]) <= MAX_LABEL_WORDS and kept[-1].endswith(":"):
        kept.pop()
    return kept
