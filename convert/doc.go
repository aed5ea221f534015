// Package convert turns the files vanban receives — plain text in any of
// the encodings Vietnamese offices have used, Word .docx, PDF with a text
// layer, and saved web pages — into NFC Unicode text for the extractor.
//
// # Contract
//
// Convert(raw, name, enc) never panics and returns either a Result whose
// Text is valid UTF-8 in NFC (line ends LF, no BOM) or an error that wraps
// exactly one of the sentinel errors below, with a message saying what
// was wrong. It reads nothing but raw and, for PDF, runs pdftotext on a
// temporary copy. Size limits are the caller's job: Convert holds the input
// and a few copies of the output in memory.
//
// The format is chosen from the content's magic bytes first ("%PDF-",
// a zip holding word/document.xml, an OLE2 container, an HTML prologue),
// then from the extension of name: .txt (or any other unknown-but-textual
// input), .docx, .pdf, .html/.htm. An extension that contradicts the
// content (a .docx that is really a .doc, a .pdf that is not a PDF) is an
// error, not a guess.
//
// Text encodings. enc forces one of "utf-8", "utf-16le", "utf-16be",
// "windows-1258", "tcvn3", "vni" (case-insensitive; "" detects); for
// docx and pdf, whose text is Unicode, only "tcvn3" and "vni" matter:
// they force the legacy-font repair of every line. Detection:
//
//   - a BOM decides UTF-8, UTF-16LE or UTF-16BE; UTF-16 without a BOM is
//     recognised by its zero bytes;
//   - input that is valid UTF-8 is UTF-8, always: it is never re-decoded
//     as a legacy byte encoding;
//   - otherwise each of Windows-1258, TCVN3 (ABC) and VNI-Windows (and
//     UTF-8 with a few bad bytes) decodes the input, and the decoding that
//     reads most like Vietnamese wins: valid syllables and frequent words
//     count for it, impossible syllables and stray symbols against it.
//
// Unicode text typed with a legacy font (TCVN3 or VNI characters sitting in
// Latin-1 code points: "KÕ ho¹ch", "Keá hoaïch") is repaired after any
// decoding, for every format, line by line: a line is re-read as TCVN3 or
// VNI only when it holds no letter that only Unicode Vietnamese has
// (ă, đ, ơ, ư, ạ…), and only when the repaired line reads as better
// Vietnamese than the line as it stands, and only when the document as a
// whole gains clearly. So valid Unicode Vietnamese is never rewritten.
// Result.Encoding then says "tcvn3-font" or "vni-font". With enc
// "tcvn3" or "vni" and input that is valid UTF-8 holding nothing beyond
// Latin-1 and the Windows-1252 punctuation, the repair is forced for every
// line instead.
//
// TCVN3 (ABC) has no upper-case toned letters: they were typed as the
// lower-case code in an upper-case (.VnTimeH) font, which a byte stream
// does not record. The decoder restores upper case where the word or its
// neighbours show that the text is upper case ("KÕ HO¹CH" → "KẾ HOẠCH"),
// and for the title "Ủy ban" before "nhân dân" or a capitalised name; a
// title-case word beginning with a toned vowel elsewhere stays lower case.
//
// Windows-1258 is decoded with golang.org/x/text and its combining tone
// marks are composed (NFC). UTF-16 uses golang.org/x/text/encoding/unicode.
//
// Formats:
//
//   - docx: word/document.xml only (headers, footers, footnotes and
//     comments are other parts and are skipped), read with archive/zip and
//     encoding/xml: one line per paragraph, list numbering rendered from
//     word/numbering.xml ("I.", "1.", "a)", "-", with the level's suffix),
//     tables as one line per row with cells separated by tabs, deleted
//     revisions and field codes dropped, text-box fallbacks not doubled.
//     A .doc (OLE2) is ErrLegacyDoc; a password-protected .docx (also
//     OLE2) is ErrEncrypted.
//   - pdf: "pdftotext -layout -enc UTF-8" (poppler-utils) on a temporary
//     file; ErrNoPdftotext when the command is not installed,
//     ErrEncryptedPDF when a password is needed, ErrScannedPDF when the
//     text layer holds no letters, ErrCorrupt when poppler cannot read it.
//   - html: parsed with golang.org/x/net/html after the text decoding
//     above; scripts, styles, nav, header, footer, aside, forms, menus and
//     elements whose id, class or role names navigation or boilerplate are
//     dropped; the <main> or <article> (or else the densest text block)
//     is kept; block elements end lines, table rows are tab-separated.
//
// # Errors
//
// Every error wraps one of ErrUnsupportedFormat, ErrCorrupt, ErrLegacyDoc,
// ErrEncrypted (ErrEncryptedPDF wraps it too), ErrScannedPDF,
// ErrNoPdftotext or ErrUnknownEncoding; use errors.Is. A suggested HTTP
// mapping: ErrUnsupportedFormat, ErrLegacyDoc, ErrUnknownEncoding → 415 or
// 400; ErrCorrupt, ErrEncrypted, ErrScannedPDF → 422; ErrNoPdftotext → 500.
package convert
