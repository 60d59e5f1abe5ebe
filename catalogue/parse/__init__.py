"""The reader, pure: article text in, dataclasses with spans out. No database, CLI or Datasette here.

Its public entry is :mod:`.pipeline` (a text file to a parsed citing work, with the repository
authority). The stages, in the order a text goes through them (one module each):

    article     the text cleaned (Markdown footnotes, broken lines, page furniture), its head,
                body and notes section, the note list (glued and run-in numbers), the claims
    references  an author-date text's reference list, and "(Jian 1994, 45)" resolved to it
    notes       one note: segmented into pieces, the citation found in each, the work's own
                abbreviations ("hereafter NA"), text left unread reported
    segment     the note's structure (titles, brackets) and its cuts: one sentence splitter,
                one abbreviation list
    citations   what kind of source each piece cites (archival, published, printed in or
                cited in another work, cross-reference)
    fields      its fields: authors, title, imprint, volume, locator, reference code
    learned     the imprint fields the rules left empty in a published reference, filled by a
                CRF trained on the development corpora (`catalogue notes train`)
    patterns    the named regular-expression fragments the stages above match
    chinese     notes written in Chinese; gbt7714: GB/T 7714 references
    refcodes    reference codes by archive grammar (dates: the one date reader, catalogue/dates.py,
                which the records and the store read dates with too)
    shortforms  short forms named in passing in the commentary ("follow Windrow, Last Valley,
                424–26"), found by the titles the work has already cited in full
    resolve     ibid., op. cit., short forms and cross-references, to their full citation
    contract    the notes-parse JSON contract
    language    the language of a title; model: the dataclasses; scoring: the reader scored
                against expectation files
"""
