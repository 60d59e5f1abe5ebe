"""The named regular-expression fragments of the note reader, in one place: the words and
shapes of citations (ibid. and op. cit., volumes, issues and locators, imprints, letters and
interviews, names in small capitals) that the reading stages match.
"""

from __future__ import annotations

import re

from ..dates import YEAR_DIGITS

# Circled numbers ① … ㊿, as Chinese journals number their notes (and refer to them: "见前注⑭").
CIRCLED = {chr(c): n for n, c in enumerate(range(0x2460, 0x2474), start=1)}
CIRCLED |= {chr(c): n for n, c in enumerate(range(0x3251, 0x3260), start=21)}
CIRCLED |= {chr(c): n for n, c in enumerate(range(0x32B1, 0x32C0), start=36)}
CIRCLED_CHARS = "".join(CIRCLED)
# A note longer than this is kept whole as residue, unread (a notes section gone wrong).
MAX_NOTE_LENGTH = 20_000

# Fragments the patterns below (and ``shortforms``) share. A capital that opens a name, a
# title or a place; a capitalised word of a name, with its apostrophes and hyphens
# ("Düsseldorf", "O’Neill"); a year of the modern era (``dates.YEAR_DIGITS``); after a
# year, not the start of a span of years ("Die DDR-Außenpolitik 1949–1972"); pages, one or
# a range ("424–26").
UPPER = "[A-ZÀ-ÝĐ]"
NAME_WORD = rf"{UPPER}[\w’'-]+"
YEAR = rf"(?:{YEAR_DIGITS})"
NOT_A_SPAN = r"(?!\s*[–-]\s*\d)"
PAGE_RANGE = r"\d{1,4}(?:\s*[–-]\s*\d{1,4})?"

ABBREVIATION_TITLE = re.compile(r"(?i)op\.?\s*cit|art\.?\s*cit|loc\.?\s*cit|ibid(?:em)?|id(?:em)?|passim")


IBID = re.compile(
    r"(?:ibid(?:em)?|id(?:em)?|ebd|ebenda|như\s+trên|nt|同上)\b\.?", re.IGNORECASE
)  # 同上: Chinese "ibid."


# An edition's note placing a document in the file cited just before: "…, is ibid., 751G.00/3–2154",
# "FO tel no 2104 to Washington, 19 May 1954, ibid., DF 1071/603".
IS_IBID = re.compile(r"(?:,?\s+(?:is|are|was|were)\s+(?:also\s+)?|,\s*)(?P<ibid>ibid\.?)(?:,\s*|\s*$)", re.IGNORECASE)


OP_CIT = re.compile(
    r"\b(?:op\.?\s*cit|art\.?\s*cit|ouvr\.?\s*cit|loc\.?\s*cit|sđd|tlđd|sdd|tldd)\b\.?|\ba\.\s?a\.\s?O\.", re.IGNORECASE
)  # a.a.O.: "am angegebenen Ort"


# A document, its date in brackets, then the short title of the work it is printed in, before
# "Sđd"/"op. cit.": "Thư gửi đồng bào Nam Bộ (31-5-1946), Hồ Chí Minh toàn tập, ".
DATED_DOCUMENT_IN_WORK = re.compile(
    r"(?P<title>[^,()]{3,200}?)\s*\((?P<date>[^()]{4,40})\)\s*,\s*"
    r"(?P<work>[^,()]{3,200}?)\s*,?\s*\*?\s*"
)


CROSS_REFERENCE = re.compile(
    r"^(?:(?:see|voir|cf\.|xem|vgl\.|siehe)\s+)?(?:dazu\s+)?(?:supra|infra|oben|unten)?,?\s*(?:the\s+|la\s+)?"
    r"(?:n\.|nn\.|note|notes|footnotes?|fn\.|anm\.|chú\s+thích|chu\s+thich)\s*"
    r"(?P<number>\d+)(?:\s*(?:above|below|supra|infra|ci-dessus|plus\s+haut|ci-dessous|oben|unten|ở\s+trên|o\s+tren))?"
    # "footnote 3, Document 290"
    r"(?:,?\s*(?:to\s+|du\s+|of\s+)?(?P<document>(?:Document|doc\.|document)\s+(?:n°\s*)?\d+))?\W*$",
    re.IGNORECASE,
)


SUPRA_NOTE = re.compile(
    r"\b(?:supra|above|infra),?\s+(?:n\.|note)\s*(?P<number>\d+)|"
    r"\b(?:n\.|note)\s*(?P<number2>\d+)\s+(?:supra|above|ci-dessus)",
    re.IGNORECASE,
)


# What a document "is" before VIA's "printed in": "NSC 5405, “…,” January 16, 1954, is printed in …".
IS_PRINTED = re.compile(r",?\s+(?:is|are|was|were)(?:\s+also)?\s*$", re.IGNORECASE)


VIA = re.compile(
    r"[,;]?\s*\b(?P<relation>(?:as\s+)?(?:cited|quoted)\s+(?:in|by)|cit(?:é|ée|és|ées)\s+(?:dans|par|in)|"
    r"(?:dẫn|dan)\s+(?:theo|lại\s+từ|lai\s+tu|từ|tu)|(?:trích|trich)\s+(?:theo|trong|từ|tu)|translation\s+(?:from|in)|translated\s+in|(?:rpt|repr)\.\s+in|reprinted\s+in|"
    r"republished\s+in|reprodu(?:it|ite|its|ites|ced)\s+(?:dans|in)|publi(?:é|ée|és|ées|shed)\s+(?:dans|in)|"
    r"printed\s+in|zit\.\s+n\.|zit(?:\.|iert)\s+nach|quoting(?:\s+from)?|citing|qui\s+cit(?:e|ent))\s+",
    re.IGNORECASE,
)

# The VIA phrases that name a second source the work consulted quotes ("…, p. 245, qui citent
# le télégramme de Chauvel"): two citations, the work and the document known through it.
CITING = ("quoting", "citing", "qui")  # "qui" opens only "qui cite(nt)" among VIA's phrases


# Every word VIA opens with, found first: VIA's optional lead ("[,;]?\s*") makes it slow to scan.
VIA_WORDS = re.compile(
    r"(?i)cited|quoted|cité|dẫn|dan|trích|trich|translat|rpt|repr|reprinted|republished|reprodu|"
    r"publi|printed|zit|quoting|citing|qui\s+cit"
)


VOLUME = re.compile(r"(?<![\w])(?:vols?|tome|t|tập|bd|quyển|band|tomo)\.?\s*(?P<volume>\d+|[IVXLC]+\b)", re.IGNORECASE)


# A volume at the end of a title in italics: "*Hồ Chí Minh Biên Niên Tiểu Sử, tập 4 (1946–1950)*".
TITLE_VOLUME = re.compile(
    r",?\s+(?:vols?\.?|volume|tome|t\.|tập|tap|quyển|q\.|bd\.)\s*(?P<volume>\d+|[IVXLC]+)\b"
    rf"(?:\s*\([^()]*\)|\s*:\s[^,;()]{{1,80}}|,\s*{YEAR})?\s*$",
    re.IGNORECASE,
)
# The years a work covers, in brackets at the end of its title: "Sài Gòn - Chợ Lớn kháng chiến
# (1945-1954)", "Zhou Enlai nianpu (1949–1976)" (a range is no year of publication).
YEARS_COVERED = rf"{YEAR}\s*[–-]\s*(?:{YEAR}|\d\d)\s*\)"
# The kind of a thesis, after its title: "…, Luận án Tiến sĩ Lịch sử, Trường Đại học…, Hà Nội, 2015".
THESIS = (
    r"(?:Luận\s+án|Luận\s+văn|Khóa\s+luận|Ph\.?\s?D\.?\s+(?:diss|thesis)"
    r"|Thèse|thèse|Dissertation|dissertation|Doctoral\s+thesis)\b"
)
# After a title's comma, a year that is still the title's, not its imprint: the imprint in brackets
# or a command paper's number follows ("Public Papers…: Harry S. Truman, 1950 (Washington: GPO,
# 1965)", "Documents relating to … the Geneva Conference, April 27–June 15, 1954, Cmd. 9186"). A
# lookahead, placed after the year's first digit.
TITLE_YEAR_NOT = r"(?!(?<=[12])\d{3}\s*(?:\(|,\s*(?:Cmd|Cmnd|Cd)\.\s*\d))"
# The same, for a title that names no edition: only a command paper's number says the year is the title's.
COMMAND_PAPER_YEAR_NOT = r"(?!(?<=[12])\d{3},\s*(?:Cmd|Cmnd|Cd)\.\s*\d)"
# A translation of a title, in square brackets after it: "Vietnam 1946 [Việt Nam 1946: …]".
BRACKETED_TRANSLATION = re.compile(r"\s*\[(?P<translation>[^\[\]]{3,})\]\s*$")
# A title's translation in square brackets, then a comma: the title ends there, the imprint follows.
TRANSLATION_CLOSES = re.compile(r"(?<=\S)\s\[[^\[\]]{3,}\](?=\s*,\s*\S)")


ISSUE = re.compile(r"(?<![\w])(?:no|nos|n°|nº|nr|số|issue|fasc)\.?\s*(?P<issue>\d+(?:[–-]\d+)?)", re.IGNORECASE)


VOLUME_PAGE = re.compile(r"(?<![\w.:])(?P<volume>\d{1,4})\s*:\s*(?P<pages>\d+(?:\s*[–-]\s*\d+)?)\b")


LOCATOR = re.compile(
    r"(?<![\w])(?:(?:pp|p|tr|ff|f|fol|fols|folio|folios|f°|ff°|fos?|ll|s|col|cols|trang|pages?|doc|item|pièce|n°|tờ|paras?)(?:\.\s*|\s+)"
    r"(?:\d+[a-z]?|[ivxlcIVXLC]+\b)|(?:S|Bl|Sp)\.\s*\d+[a-z]?)(?:\s*[–-]\s*\d+)?(?:\s*,\s*\d+(?:\s*[–-]\s*\d+)?)*(?:\s*(?:r|v|recto|verso)\b)?"
    r"(?:\s+ff?(?:\.|(?!\w)))?",  # "S. 112 f.", "Bl. 56 ff."
)


AUTHOR_PAGE = re.compile(
    r"(?P<author>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}),\s*"
    rf"(?P<pages>(?:(?:pp?|tr)\.\s*)?{PAGE_RANGE})\.?"
)  # "Miller, p. 265"


# A short form whole: the author's surname, a short title, the page: "Wiedemann, Solidarität und
# Eigeninteresse, S. 64", "Frey, Geschichte, S. 160 f.", "Anak Agung, Dari Negara Indonesia Timur, pp. 310–15".
AUTHOR_TITLE_PAGE = re.compile(
    rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}},\s+[^,;()]{{2,80}},\s+(?:(?:pp?|S|tr)\.\s*)?\d{{1,4}}"
    r"(?:\s*[–-]\s*\d{1,4})?(?:\s+ff?\.)?\.?"
)


# "Statler, Replacing France, 62" or "Hồ Chí Minh: Toàn tập, t. 6, …, 2011, tr. 145": a
# citation whose title lost its italics.
PLAIN_CITATION = re.compile(
    rf"{UPPER}[\w’'.-]*(?:\s+{UPPER}[\w’'.-]*){{0,4}}"
    rf"(?:,?\s+(?:and|et|và|&)\s+{UPPER}[\w’'.-]*(?:\s+{UPPER}[\w’'.-]*){{0,3}})?\s*[,:]\s+[^,]{{3,200}},.*?"
    rf"(?:(?:\b(?:pp?|tr|f)\.\s*)?{PAGE_RANGE}|\b{YEAR}\b.*)\.?$"
)


# The leaf (list) of a Russian archival file: "… d. 45, l. 12", "ll. 4–7 ob.", in Cyrillic "л. 45", "лл. 71–73 об.".
# A series named in guillemets is no title: "coll. « Points Histoire »".
SERIES_BEFORE = re.compile(r"(?:\bcoll\.|\bcollection|\bsérie|\bseries)\s*$", re.IGNORECASE)


# A document numbered in an edition: "AAPD 1968, Dok. 56, S. 201–204", "DDF, doc. 112".
EDITION_DOCUMENT_NUMBER = re.compile(r",\s*(?:Dok|Doc|doc)\.\s*\d+\b")
# An edition by its abbreviation and the year of its volume: "AAPD 1966", "DDF 1954".
EDITION_YEAR = re.compile(rf"(?P<edition>[A-Z]{{2,8}})\s+(?P<year>{YEAR})")


# The words that lead to a document's date, left at the end of its title when the date is cut
# off: "Lời kêu gọi …, ngày", "Aufzeichnung … vom", "Note du".
DATE_LEAD = re.compile(r"[,\s]+(?:ngày|ngay|vom|am|(?:en\s+date\s+)?du|le|of|dated|den|d\.d\.)\s*$", re.IGNORECASE)


# A printed edition or translation of the document cited just before it: "Russian text in
# *Russko-kitaiskie otnosheniia*, vol. 5, 148–64", "English translation in *CWIHP Bulletin*",
# "Printed in Foreign Relations, 1952–1954, vol. XIII, p. 420", "in lại trong: Văn kiện quân sự…".
EDITION_LEAD = re.compile(
    r"^(?:(?:the\s+|an?\s+)?(?:full\s+|partial\s+)?(?:English|Russian|French|Chinese|Vietnamese|German|Japanese|"
    r"original)\s+(?:text|translation|original|version)(?:\s+is)?|(?:also\s+)?(?:printed|reprinted|published|"
    r"reproduced|translated)(?:,[^,]{1,40},)?|(?:an?\s+)?(?:English\s+)?translation(?:\s+is)?|(?:the\s+)?text(?:\s+is)?)\s+in\s+"
    r"|^(?:auch\s+|ebenfalls\s+)?(?:ab)?gedruckt\s+in:?\s+|^(?:également\s+)?(?:reproduit|publié)e?s?\s+dans\s+"
    r"|^(?:được\s+)?(?:in\s+lại|in|đăng|đăng\s+lại|công\s+bố)\s+trong\s*:?\s+",  # "in lại trong: …"
    re.IGNORECASE,
)


LEAF = re.compile(r"(?<![\w])(?:ll?|лл?)\.\s*\d+(?:\s*[–-]\s*\d+)?(?:\s*(?:ob|об)\.?)?\s*$")


# A time of day after a document's date, no part of a reference code: "1730 hours", "17h30", "10:45 a.m.".
TIME_OF_DAY = re.compile(r"(?i)(?:at\s+)?(?:\d{4}\s*(?:hours|hrs)|\d{1,2}[:h]\d{2}(?:\s*(?:hours|hrs|[ap]\.m\.))?)")


BARE_PAGES = re.compile(rf"^{PAGE_RANGE}(?:\s*,\s*{PAGE_RANGE})*[a-z]?$")


LETTER = re.compile(
    r"^(?P<title>.*?\b(?P<sender>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s+(?:to|à|gửi|an)\s+"
    r"(?P<recipient>(?:the\s+|l[ae]\s+|l’|d[’'])?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}))\b"
)


# A document named only by its sender and its recipients, perhaps with its kind and number:
# "He Yingqin to Chiang Kai-shek", "Zhou Enlai to Mao Zedong, Liu Shaoqi and the Central
# Committee", "Chiang Kai-shek to Lu Han, telegram", "Zhu Hanoi zonglingshiguan [Consulate-General
# in Hanoi] to Waijiaobu" (a romanised name with its translation): an untitled document.
_PARTY = (
    rf"(?:d[’']|l[’'])?(?:{UPPER}[\w.’'-]*(?:\s+(?:{UPPER}[\w.’'-]*|de|du|d’|d'|van|von|of|the)){{0,5}}"
    rf"|{UPPER}[\w’'-]*(?:\s+[\w’'-]+){{0,3}}(?=\s+\[))(?:\s+\[[^\[\]]{{2,80}}\])?"
)
UNTITLED_LETTER = re.compile(
    rf"(?!(?i:the|a|an)\s)(?P<sender>{_PARTY})\s+(?:to|à|an)\s+(?:the\s+|l[ae]\s+|l’)?{_PARTY}"
    rf"(?:(?:\s*,\s*|\s+(?:and|et|und)\s+)(?:the\s+)?{_PARTY})*"
    r"(?:,\s*(?i:telegram|télégramme|cable|letter|lettre|memorandum|note|message|dispatch|dépêche)"
    r"(?:\s+(?:no\.\s*|n°\s*)?\d+)?)?"
)


# An interview cited again by the person's name: "Ferrand interview", "Marchetti interview, 2001".
SHORT_INTERVIEW = re.compile(rf"^(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})(?:[’']s)?\s+interviews?\b(?!\s+with)")


# A document named by its author's possessive: "Ho Chi Minh’s Reply to Wu Tiecheng",
# "Fang Fang’s Telegram to the CCP Central Committee—…".
POSSESSIVE_LETTER = re.compile(
    r"^(?P<sender>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})[’']s\s+(?:[\w-]+\s+){0,2}?"
    r"(?i:reply|letter|telegram|cable|notes?|report|message|memorandum|memo|instructions?|directive|"
    r"answer|response|petition|appeal|request|proposal|speech|address)\s+(?:to|for)\s+"
    r"(?P<recipient>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,5})"
)


# An interview as a source: "Author interview with…", "Oral history interview with…, by…".
INTERVIEW = re.compile(
    r"(?i)(?:(?:the\s+)?author(?:’s|'s)?\s+|oral[- ]history\s+|personal\s+)?"
    r"(?:(?:telephone|phone|e-?mail|skype|zoom|video|recorded|filmed|unpublished)\s+)?interviews?\s+"
    r"(?:with|by|of)\b|(?:gespräch|interview)\s+(?:des\s+verfassers|der\s+verfasserin)\s+mit\b"
)


# Kinds of document a note names, in English and French (DOCUMENT_WORD, DOCUMENT_NAMED).
_DOCUMENT_KINDS = (
    r"telegram|télégramme|cable|letter|lettre|note|memorandum|mémorandum|report|rapport|"
    r"dispatch|dépêche|bulletin|fiche"
)
DOCUMENT_WORD = re.compile(
    rf"\b(?:{_DOCUMENT_KINDS}|memo|"
    r"interview|entretien|phỏng\s+vấn|điện|thư|báo\s+cáo|minutes|procès-verbal|biên\s+bản|speech|"
    r"discours|directive|instructions?|chỉ\s+thị|chi\s+thi|renseignements?|"
    r"phong\s+van|bao\s+cao|record\s+of\s+conversation|memorandum\s+of\s+conversation|conversation)\b",
    re.IGNORECASE,
)


# A document named by its kind and number or sender, after the file that holds it:
# "télégramme n° 1502 de Pignon", "dépêche n° 212 du consul", "letter no. 4 from Ely",
# "Bulletin de renseignements n° 1245", and in Vietnamese a document by its kind, whatever
# follows: "Báo cáo tổng kết công tác năm 1953 của Bộ Canh nông", "Điện của Bộ Tổng tham mưu…".
DOCUMENT_NAMED = re.compile(
    rf"(?i)(?:{_DOCUMENT_KINDS}|tél\.|tel\.|despatch)\s+(?:n°|no\.|nº|nr\.|\d|de\s|du\s|des\s|d’|d'|from\s|of\s|to\s|à\s)"
    r"|(?i:báo\s+cáo|điện(?!\s+biên)|thư(?!\s+viện)|chỉ\s+thị|biên\s+bản|công\s+văn|tờ\s+trình|thông\s+tri|"
    r"nghị\s+quyết)\s+\w"
)


# A file named by its subject, before the archive that holds it: "Hồ sơ về việc định cư đồng bào
# di cư…", "Dossier relatif aux…", "File on the…".
FILE_HEAD = re.compile(
    r"(?:Hồ\s+sơ|Ho\s+so|Dossier|File)\s+(?:về|ve|v/v|sur|relatif|concernant|on|concerning|regarding)\b"
)


ARCHIVE_WORD = re.compile(
    r"\b(?:archives?|archiv\w*|archivo|library|bibliothèque|museum|musée|records\s+office|"
    r"record\s+office|lưu\s+trữ|papers|collection)\b|档案馆|檔案館|档案局",
    re.IGNORECASE,
)


AUTHOR_FILLER = re.compile(
    r"(?:[’']s?\s+(?:\w+\s+){0,2}(?:book|article|essay|memoir|memoirs|study|work|chapter|thesis|piece)\b"
    r"|,?\s+in\s+(?:his|her|their)\s+(?:\w+\s+)?(?:book|article|essay|memoir|memoirs|study|work)\b).*$",
    re.IGNORECASE,
)


EDITOR_MARK = re.compile(
    r",?\s*\(?\b(?:eds?|éds?|dir|comp|comps|chủ\s+biên|biên\s+soạn|hg|hrsg)\.?"
    r"(?:\s+(?:and|&)\s+(?:trans|tr)\.?)?\)?,?\s*$",
    re.IGNORECASE,
)  # "(ed. and trans.)"


# The book a chapter is in, its title without italics: "‘…’, in Nihon Kokusai Seiji Gakkai (ed.),
# Taiheiyō sensō e no michi [The road to the Pacific War], vol. 6".
EDITED_CONTAINER = re.compile(
    rf"[\s,]*(?:in|dans)\s+(?P<editors>{UPPER}[^,()\[\]]{{1,120}}?)\s*(?:\((?:eds?|éds?|dir|comp|comps|hg|hrsg)\.?\)|"
    rf",\s*(?:eds?|comp|comps)\.)\s*,\s*(?P<title>{UPPER}[^()\[\]]{{1,200}}?)(?=\s*(?:\[|\(|,\s*(?:vols?\.|pp?\.|\d)))"
)


EDITED_BY = re.compile(r"^(?:edited|ed\.|compiled|comp\.)\s+by\s+", re.IGNORECASE)


NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s+with\s+|\s+et\s+|\s+và\s+|\s*&\s*|、|;\s*|,\s*)\s*")


# French (and much European) practice sets authors' surnames in small capitals, which a text
# dump gives as capitals: "Philippe DEVILLERS, Histoire du Viêt-Nam…", "J.-M. LE PAGE (dir.),".
LATIN = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſƠơƯưẠ-ỹ"  # with Vietnamese: "Lê VĂN"; case is checked apart


CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ſƠƯẠ-Ỹ"


GIVEN_NAME = rf"(?:[{CAPITAL}][{LATIN}’'-]+|[{CAPITAL}]\.(?:\s?-?[{CAPITAL}]\.)*)"


CAPS_SURNAME = rf"(?:(?:de|du|des|d’|d'|le|la|van|von)\s*)?[{CAPITAL}][{LATIN}’'-]+(?:[\s-]+[{CAPITAL}][{LATIN}’'-]+)*"


NOT_GIVEN_NAMES = {
    "archives",
    "fonds",
    "série",
    "serie",
    "sous-série",
    "carton",
    "dossier",
    "note",
    "rapport",
    "télégramme",
    "lettre",
    "fiche",
    "bulletin",
    "service",
    "ministère",
    "centre",
    "box",
    "file",
    "folder",
    "series",
    "papers",
    "phông",
    "hồ",
    "mục",
    "voir",
    "cf",
    "see",
    "in",
    "dans",
}


CAPS_AUTHOR = re.compile(
    rf"(?<![\w’'-]){GIVEN_NAME}(?:\s+{GIVEN_NAME})*\s+(?P<surname>{CAPS_SURNAME})"
    rf"(?:\s+(?:et|and|&)\s+{GIVEN_NAME}(?:\s+{GIVEN_NAME})*\s+{CAPS_SURNAME})*"
    r"(?=\s*(?:,|\((?:éd|dir|ed|eds|coord)\.?\)))"
)


# The people credited after a book's title, who are not part of it: "…, trans. Robert Baldick
# (New York: …)", "…, ed. Mark Philip Bradley and Marilyn B. Young (…)", "…, trans. and ed. …".
TITLE_CREDIT = re.compile(
    r",\s+(?:(?:trans|transl|ed|eds|comp)\.|(?:translated|edited|compiled|introduced)\s+by|"
    rf"with\s+an?\s+(?:introduction|foreword|preface)\s+by)(?:\s+and\s+(?:ed|trans)\.)?\s+(?={UPPER})"
)

# Where the title of a citation without italics ends: at a bracket (not an editor's mark:
# "Sanbō Honbu (ed.), Sugiyama memo"; a span of years in brackets is part of the title), a
# number, a Vietnamese publisher, a thesis's kind, a translator or editor credited after it.
PLAIN_TITLE_END = re.compile(
    r"\s\((?!(?i:eds?|éds?|dir|comp|comps|hg|hrsg)\.?(?:\s+(?i:and|&)\s+(?i:trans|tr)\.?)?\))(?!" + YEARS_COVERED + ")"
    r"|,\s*(?:(?:t|vol|vols|tome|tập|no|số|pp?|tr|S|Bl|Sp|f°|fos?|doc|Cmd|Cmnd|Cd)\.?\s*)?\d(?!\d{3}\s*[–-]\s*\d{2,4})"
    + COMMAND_PAPER_YEAR_NOT
    + r"|,\s*(?:Nxb|NXB|Nhà xuất bản|Nha xuat ban)\b|,\s*"
    + THESIS
    + "|"
    + TITLE_CREDIT.pattern
)


# The same author as the citation before: "id.", "idem", German "ders." and "dies." (derselbe,
# dieselbe).
SAME_AUTHOR = re.compile(r"(?i)(?:id|idem|eadem)\b\.?,\s*|(?:ders|dies)\.,\s*")


# A series named in brackets after a title, with its volume: "Von Erhard zur Großen Koalition
# 1963–1969 (Geschichte der Bundesrepublik Deutschland, Bd. 4)".
SERIES_IN_BRACKETS = re.compile(r"\s*\((?P<series>[^()]{3,120}?),?\s+(?:Bd|Band|vol|Nr|no|n°|t)\.?\s*[\dIVXLC]+\)$")


# The book or journal a chapter or an article is in: "…’, in Empire, colony, genocide, ed. A.
# Dirk Moses (New York: …)", "…, in: VfZ 45 (1997)", "…, in: Thomas Brandt/Sabine Keller
# (Hg.), Die DDR und die Dritte Welt, Berlin: Ch. Links, 2008". German "in:" takes a colon.
IN_BOOK = re.compile(rf"[\s,]*\bin:?\s+(?={UPPER})")
PLAIN_IN_BOOK = re.compile(rf",\s+in:\s+(?={UPPER})")  # after a title without quotes: only the German colon form
EDITORS_FIRST = re.compile(rf"(?P<editors>{UPPER}[^,()]{{2,80}}?)\s*\((?:Hg|Hrsg|eds?|éds?|dir)\.?\)\s*,\s*")
# Where the book's title ends: its editors ("ed. …"), its imprint or year in brackets, its volume.
BOOK_END = re.compile(r",\s*(?:eds?|hg|hrsg|éds?|dir)\.\s|,?\s\(|,\s*(?:vols?|Bd|Nr|no)\.?\s*\d", re.IGNORECASE)


# Place, publisher and year after a title, outside brackets: "…, Paris, Éditions du Seuil,
# coll. « Points », 1987" (French), "…, Düsseldorf: Droste, 2001" (German).
IMPRINT = re.compile(
    rf",\s*(?P<place>{NAME_WORD}(?:[\s-]+(?:{NAME_WORD}|sur|en|de|am))*(?:\s*[-/]\s*{NAME_WORD})?"
    r"(?:\s+[ai]\.\s?[A-Z][a-z]{0,2}\.)?"  # "Frankfurt a. M.", "Freiburg i. Br."
    rf"|{UPPER}\.(?=\s*:))"  # "H.: Sự thật" (Hà Nội), "P.: PUF": a place abbreviated to its initial, before a colon
    r"\s*[,:]\s*(?P<publisher>[^,()«»\d:]{2,90}?),\s*(?:coll\.\s*(?:«[^»]{1,120}»)?\s*(?:,\s*n°\s*\d+)?,\s*)?"
    r"(?:\d+(?:e|re|ème|nd|rd|th|\.)\s+(?:éd|ed|édition|edition|Aufl)\.?,\s*)?"
    rf"(?P<year>{YEAR})\b{NOT_A_SPAN}"
)


# A German thesis as its imprint: "…, Phil. Diss. Bonn 1994", "…, Diss. phil. Berlin 1990".
THESIS_IMPRINT = re.compile(
    rf",\s*(?:(?:Phil|Dr)\.\s*)?Diss\.(?:\s*(?:phil|masch)\.)*\s*(?:{UPPER}[\w-]+,?\s*)?"
    rf"(?P<year>{YEAR})\b"
)


# The publisher before the place, as Vietnamese notes give a foreign book's imprint:
# "…, University of California Press, Berkeley, 2010" (the place is told by the gazetteer).
PUBLISHER_PLACE = re.compile(
    rf",\s*(?P<publisher>{UPPER}[^,()«»\[\]\d]{{1,90}}?),\s*(?P<place>{UPPER}[^,()\[\]\d]{{1,40}}?),\s*"
    rf"(?P<year>{YEAR})\b{NOT_A_SPAN}"
)


# A year standing alone, as an imprint or a date gives it, not a title's span of years
# ("Die DDR-Außenpolitik 1949–1972").
LONE_YEAR = re.compile(rf"(?<![\d–-])(?<!\d\s[–-]\s)\b{YEAR}\b{NOT_A_SPAN}")


# "in" (French "dans", Vietnamese "trong", "in lại trong") before a collection's title that
# lost its italics, after a document's date; and a bare comma there.
COLLECTION_CONNECTOR = re.compile(rf"[,\s]\s*(?:in|dans|trong|in\s+trong|in\s+lại\s+trong)\s*:?\s+(?={UPPER})")
COMMA = re.compile(r"\s*,\s*")


# A bracketed note of the work's first edition, after the imprint of the one cited:
# "Paris, Fayard, 1967 (1re éd. Amiot-Dumont, 1953)", "(first published 1953)".
EARLIER_EDITION = re.compile(
    r"\s*(?:(?:1re|1ère|première|1st|first)\s+(?:éd|ed|édition|edition)\b|"
    r"(?:first|originally)\s+published\b|(?:éd|ed)\.?\s+orig)",
    re.IGNORECASE,
)


# "Nxb. Chính trị quốc gia, H., 2000": the Vietnamese publisher, place and year.
VIETNAMESE_IMPRINT = re.compile(
    rf"((?:Nxb|NXB|Nhà xuất bản|Nha xuat ban)\.?[^,()]*),\s*(?:([^,()\d]{{2,40}}),\s*)?({YEAR})\b"
)


# A newspaper named by its title, then a comma: an article ("Le Monde", "The Times") or a
# newspaper's word ("New York Times", "Frankfurter Allgemeine Zeitung") in its name; perhaps its
# town in brackets and the piece named by its kind ("leading article", "éditorial").
NEWSPAPER_NAME = re.compile(
    rf"(?P<paper>(?:(?:Le|La|Les|The|Die|Der|Das|El|Il|Het)\s+|L[’']){UPPER}[\w’'-]*(?:\s+{UPPER}[\w’'-]*){{0,3}}"
    rf"|(?:{UPPER}[\w’'.-]*\s+){{0,3}}(?:Times|Post|Journal|Herald|Tribune|News|Gazette|Zeitung|Daily|Telegraph|"
    rf"Monitor|Observer|Express|Courier|Guardian|Chronicle))(?:\s*\({UPPER}[^()\d]{{1,30}}\))?\s*,\s*"
    r"(?:(?:leading\s+article|editorial|éditorial|Leitartikel)\s*,\s*)?"
)  # "Het Parool (Amsterdam), leading article, …"


# After a headline in quotes, the paper that printed it, perhaps with its translation in
# brackets before and its issue number after: "…”, Saigon Mới, 7 January 1950", "…’ [Police
# action begun], Het Parool, 21 July 1947", "…", in: Der Spiegel, Nr. 12, 14.3.1966",
# "…", in: Neues Deutschland vom 6.8.1964" (German "in:" and "vom", "of the" day).
NEWSPAPER = re.compile(
    r"\s*(?:\[(?P<translation>[^\[\]]{3,})\])?\s*,?\s*(?:in:\s*)?"
    rf"(?P<paper>{UPPER}[^,()\d“”\[\]]{{1,60}}?)(?:,\s*|\s+vom\s+(?=\d))"
    r"(?:(?:Nr|no|nr)\.\s*(?P<issue>\d+),\s*)?"
)
# What a document is, as a description after its title names it ("…’, Liaison Conference
# decision, 25 June 1941"): no newspaper's name.
DOCUMENT_KIND = re.compile(
    r"(?i)\b(?:decisions?|décisions?|resolutions?|résolutions?|minutes|memorandum|report|"
    r"rapport|telegram|letter|lettre|note|directive|order|ordre|decree|décret|communiqué)\b"
)


# A paper's issue of one day, cited without a headline: "die Berichterstattung in: Neues
# Deutschland vom 20.12.1966, S. 1 f." (German "vom", "of the").
PAPER_OF_THE_DAY = re.compile(rf"(?:^|(?<=\s))in:\s+(?P<paper>{UPPER}[^,()\d:;“”„\"]{{1,60}}?)\s+vom\s+(?=\d)")


# The page of a newspaper after its day: ", p. 1 et 3", ", 1, 6", ", 14", ", S. 34–40", ", S. 1 f.".
NEWSPAPER_PAGE = re.compile(
    r"\s*(?:,\s*(?P<page>(?:(?:pp?|S)\.\s*)?\d{1,3}(?:\s*(?:[–-]|,|et|and)\s*\d{1,3})*"
    r"(?:\s+f{1,2}\.)?))?\s*\.?\s*"
)


# A newspaper or journal named by its kind: "báo Cứu quốc, số 1712", "tạp chí Nghiên cứu Lịch sử".
PERIODICAL_WORD = re.compile(rf"(?:^|[\s,])(?:báo|bao|tạp\s+chí|tap\s+chi)\s+(?={UPPER})", re.IGNORECASE)


# Words that open a noun phrase of a sentence, never a name: "The phrase", "Le terme", "Die Akte".
DETERMINERS = {
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Le",
    "La",
    "Les",
    "Un",
    "Une",
    "Ce",
    "Cette",
    "Der",
    "Die",
    "Das",
    "Ein",
    "Eine",
    "Het",
    "Een",
}


LOWER_WORDS = {
    "of",
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "the",
    "and",
    "for",
    "et",
    "van",
    "von",
    "der",
    "di",
    "da",
    "do",
    "dos",
    "y",
    "e",
    "à",
    "au",
    "aux",
    "in",
    "on",
    "và",
    "của",
}


GENRES = [  # first match wins
    ("intelligence_report", r"renseignement|intelligence|s\.?d\.?e\.?c\.?e|tình báo"),
    ("telegram", r"t[ée]l[ée]gram|telegram|cable|\bT\.O\.|điện\b|电报|電報"),
    ("letter", r"\blett(?:er|re)\b|\breply\b|\bthư\b|\b\w+ to [A-Z]|信|函"),
    ("interview", r"interview|entretien|phỏng vấn|采访|訪談"),
    ("minutes", r"minutes|procès-verbal|biên bản|会议记录"),
    ("speech", r"speech|\btalk\b|discours|allocution|diễn văn|讲话|講話"),
    ("directive", r"directive|instructions?|chỉ thị|指示"),
    ("treaty", r"treaty|traité|agreement|accord|hiệp định|协定|協定"),
    ("bulletin", r"bulletin"),
    ("memorandum", r"memorandum|mémorandum|\bmemo\b"),
    ("report", r"report|rapport|báo cáo|报告|報告"),
    ("note", r"\bnote\b|\bfiche\b"),
]


MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~])")


# ── Where citations start and end inside a note (notes.py) ──────────────────────

JOINERS = re.compile(
    r"\s+(?:and|et|và|\+|&),?\s+|\s*\+\s*|,?\s+sowie\s+"
)  # "et, sur l'affaire elle-même, …", German "sowie"

# After the bibliographic part of a citation: commentary begins with a lower-case phrase.
COMMENTARY_AFTER = re.compile(r"[\s,.;:]*\s(?P<word>[a-z][\w’'-]*)(?:\s+[\w’'-]+){2,}")

BIBLIOGRAPHIC_WORDS = {
    "in",
    "p",
    "pp",
    "tr",
    "vol",
    "vols",
    "no",
    "ed",
    "eds",
    "trans",
    "cited",
    "quoted",
    "rpt",
    "repr",
    "reprinted",
    "and",
    "et",
    "và",
    "dans",
    "cité",
    "trích",
    "dẫn",
    "tập",
    "trang",
    "f",
    "ff",
    "fol",
    "see",
    "also",
    "ibid",
    "op",
    "tome",
    "t",
    "n",
    "nn",
    "s",
    "esp",
    "passim",
    "chap",
    "ch",
    "sec",
    "art",
    "doc",
    "item",
    "pièce",
    "série",
    "carton",
    "dossier",
    "box",
    "folder",
    "file",
    "hồ",
    "phông",
    "mục",
    "số",
    "quyển",
    "translated",
    "edited",
    "compiled",
    "trad",
    "vyp",
    "op.",
    "fasc",
    "sous-série",
    "liasse",
    "reel",
    "microfilm",
    "frame",
    "frames",
    "folios",
    "series",
    "subseries",
}

# "Nationaal Archief, The Hague (hereafter NA)", "(ci-après AMAE)", "(im Folgenden: PA AA)".
HEREAFTER = re.compile(
    r"\(\s*(?:hereafter|hereinafter|henceforth|cited\s+as|ci-après|ci-dessous|désormais|im\s+Folgenden|"
    r"künftig|sau\s+đây\s+(?:viết\s+tắt\s+)?(?:là\s+)?|sau\s+day\s+(?:viet\s+tat\s+)?(?:la\s+)?)[:,]?\s*"
    r"(?P<abbreviation>[^\s(),;:][^(),;:]{0,18}?)\s*\)",
    re.IGNORECASE,
)

# After a word in quotes that is no title, the sentence runs on in lower case: "I use “Saigon”
# for the combined municipality…", "his figures for “Annamite” departures from the city…"
# (a title is followed by a comma, a bracket, a date or a connector: “Title” in, by, trong…).
PROSE_AFTER_QUOTE = re.compile(
    r"\s+(?!(?:in|by|dans|par|trong|của|and|et|und|và|ed|eds|trans|transl|tr|n\.d|rpt|repr|cited|quoted|reprinted|"
    r"printed|published|from|at|of|to|on|en|de|du|des|im|in|aus|von|vom)\b)[a-zà-ỹ][\w’'-]*(?:\s+[\w’'-]+){2}"
)

LEMMA_AFTER = re.compile(
    r"\s*(?::|—|–)\s*|\s+(?=[A-ZÀ-ÝĐ“‘\"]|ibid|id\.)", re.IGNORECASE
)  # "“a fortress” “Indochina…,” Time"

OPENING_NAMES = re.compile(
    r"\s*(?:(?i:vgl|see|cf|voir|siehe|s)\.?\s+(?:[a-zäöü]\w*\s+)?)?"
    rf"(?P<names>(?:[^,;.()]|\.(?=\s{UPPER}))(?:[^,;.()]|(?<=\b{UPPER})\.){{2,59}}?),\s"
)

MID_CONNECTOR = re.compile(
    r"(?:^|(?<=[\s,;:]))(?:see\s+also|see|voir\s+aussi|voir|cf\.|vgl\.|siehe|xem\s+thêm|xem)[,:]?\s+"
    r"(?:(?:among\s+others|for\s+example|e\.g\.|notably|especially|par\s+exemple|notamment),?\s+)?",
    re.IGNORECASE,
)

# Before "op. cit.": the author, then the short title ("Dalloz, La Guerre d'Indochine, op. cit.").
AUTHOR_SHORT_TITLE = re.compile(rf"\s*(?P<names>[^,;:()\d]{{2,60}}),\s+(?P<title>{UPPER}[^,;()\d]{{0,120}}),\s*")


# A German article, contraction or inflected adjective: the capitalised word after it is its
# noun, not a name ("zur Politik der DDR Ingrid Muth", "in der westdeutschen Öffentlichkeit
# Wolfgang Kraushaar").
NOUN_BEFORE = re.compile(r"(?:der|die|das|den|dem|des|eine[mnrs]?|zum|zur|vom|beim|[a-zäöüß]{3,}(?:en|er|em|es))")


# A title in quotation marks, to be passed over.
QUOTED_TITLE = re.compile(r"«[^»]*»|“[^”]*”")

# The rest of a journal's title after its subtitle's full stop, then its volume or issue:
# " Revue d'histoire, t. 96, n° 362-363, 2009".
SUBTITLE_THEN_ISSUE = re.compile(rf"\s*{UPPER}[^,;\d]{{0,80}},\s*(?:t\.|vol\.|tome|n°|nº|no\.)\s*\d")

NAME_RUN = re.compile(rf"{UPPER}[\w’'.-]*(?:\s+(?:{UPPER}[\w’'.-]*|de|da|van|von|du|le|la|et|and|und|&))*\s*,?\s*$")

# Commentary in lower case, then a citation's authors: "… is best read alongside Qiang Zhai, China
# and the Vietnam Wars", "the standard account is George C. Herring and Richard H. Immerman, “…”".
PERSON = rf"(?:{UPPER}[\w’'.-]*\s+){{1,3}}{NAME_WORD}"
PROSE_THEN_AUTHOR = re.compile(
    r"(?:(?<=\s)(?!(?:and|et|und|with|avec|mit|và|y|e|en|de|da|di|do|dos|du|le|la|van|von|der|den|ten|ter|zu)\s)"
    r"[a-zà-ÿ][\w’'-]*\s+|(?<=:)\s+)(?P<names>" + PERSON + r"(?:,?\s+and\s+" + PERSON + r")?)"
    r",\s+(?=[A-ZÀ-ÝĐ“‘\"'*])"
)

# A phrase of commentary opening a note's citation, set off by a comma: "for the Dutch side,
# H.W. van den Doel, Afscheid van Indië …", "on the army, …".
OPENING_PHRASE = re.compile(
    r"(?:for|on|about|regarding|concerning|as\s+for|pour|sur|quant\s+à)\s+[^,;:()]{2,50},\s+"
    rf"(?={UPPER})"
)

HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Mme|Mlle|M|Dr|Ông|Bà|Herr|Frau)\.?\s", re.UNICODE)

UNPLACED_IMPRINT = re.compile(rf"\([^()]{{0,60}}:\s*[^()]{{2,80}},\s*{YEAR}\)")
# Another document of the same edition: "Document 146.", "See vol. I, pp. 412–419.",
# "Voir ci-dessus le document n° 212.", "… summarized in Document 31."
EDITION_DOCUMENT = re.compile(
    r"^(?P<whole>(?:(?:see|voir)\s+)?(?:ci-dessus\s+|ci-dessous\s+|above\s+|below\s+)?(?:(?:le|the)\s+)?"
    r"(?:document|doc\.)\s+(?:n°\s*)?\d+\.?)$"
    r"|(?<=\s)(?:in|to|see|voir|dans)\s+(?P<doc>(?-i:Document)\s+\d+)\.?$"
    r"|^(?P<volume>(?:(?:see|voir)\s+)?vol\.\s*[IVXLC\d]+,\s*pp?\.\s*\d+(?:\s*[–-]\s*\d+)?)\.?$",
    re.IGNORECASE,
)
# After an archive's name, the papers or series it holds, named without a number:
# "Eisenhower Library, Dulles Papers, Telephone Conversations".
SERIES_AFTER = re.compile(
    r"\s*[,:]\s*[A-Z][^,;]{0,60}\b(?:Papers|Files?|Collection|Series|Fonds|Records|Diaries|"
    r"Archives?|Nachlass|Bestand|fonds|papiers)\b"
)
# An institution as an author: "Viện Lịch sử quân sự Việt Nam, Lịch sử…", "Military History
# Institute of Vietnam, Victory in Vietnam…", "Ministère des Affaires étrangères, …".
INSTITUTION = re.compile(
    r"^(?:Viện|Ban|Bộ|Đảng|Trung tâm|Hội|Tổng cục|Cục|Ủy ban|Uỷ ban|Vien|Bo|Dang|Trung tam|Hoi|Tong cuc|Cuc|Uy ban|"
    r"Institut|Institute|Comité|Commission|Committee|Ministère|Ministry|Department|Office|Bureau|"
    r"Military History Institute|Central Committee|中共中央|中央)\b[^,]{0,80}$"
)

# The learned stage (learned.py): the tokens its model tags, the quotation marks it counts to
# know a token is quoted, and a year among them.
CRF_TOKEN = re.compile(r"\w+|[^\w\s]")
QUOTATION_MARKS = frozenset("\"“”«»„‘’'")
YEAR_TOKEN = re.compile(r"1[5-9]\d\d|20\d\d")


# An edition's source note opens with the word: "Source: Department of State, Central Files, …",
# "Source : MAE, Asie-Océanie, vol. 294".
SOURCE_NOTE = re.compile(r"\s*(?:Sources?|Quelle)\s*:", re.IGNORECASE)


# Prose naming an article before the paper it appeared in: "the dispatch from Paris in The New
# York Times, June 17, 1954, p. 3" (the issue of the day is the citation).
IN_THE_PAPER = re.compile(rf"\s(?:in|dans)\s+(?={UPPER})")


# A work named by its kind and its author before its title: "l'article d'André Fontaine, « … »",
# "the article by Bernard Fall, “…”", "the essay by …".
WORK_BY = re.compile(
    r"(?:l['’](?:article|ouvrage|étude|essai)|le\s+livre|the\s+(?:article|essay|book|study|piece))"
    rf"\s+(?:de\s+|d['’]|by\s+)(?={UPPER})",
    re.IGNORECASE,
)
