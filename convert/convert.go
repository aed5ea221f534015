package convert

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Result is converted text and how it was read.
type Result struct {
	// Text is valid UTF-8 in NFC with LF line ends and no BOM.
	Text string
	// Format is "txt", "docx", "pdf" or "html".
	Format string
	// Encoding is the text encoding the input was read as: "utf-8",
	// "utf-16le", "utf-16be", "windows-1258", "tcvn3", "vni", or
	// "tcvn3-font" / "vni-font" for Unicode text typed with a legacy font.
	// For docx and pdf it is "utf-8" unless legacy-font text was repaired.
	Encoding string
}

// Sentinel errors; every error from Convert wraps exactly one of them.
var (
	ErrUnsupportedFormat = errors.New("unsupported format")
	ErrCorrupt           = errors.New("corrupt file")
	ErrLegacyDoc         = errors.New("legacy Word .doc file")
	ErrEncrypted         = errors.New("encrypted file")
	ErrEncryptedPDF      = fmt.Errorf("%w: PDF needs a password", ErrEncrypted)
	ErrScannedPDF        = errors.New("scanned PDF, no text layer")
	ErrNoPdftotext       = errors.New("pdftotext (poppler-utils) is not installed")
	ErrUnknownEncoding   = errors.New("unknown text encoding")
)

// Format names.
const (
	FormatTxt  = "txt"
	FormatDocx = "docx"
	FormatPDF  = "pdf"
	FormatHTML = "html"
)

// Convert turns raw input into NFC Unicode text. name is the file name or
// "" (its extension and the content's magic bytes choose the format);
// enc forces a text encoding ("" = detect): utf-8, utf-16le, utf-16be,
// windows-1258, tcvn3, vni.
func Convert(raw []byte, name, enc string) (Result, error) {
	e, err := parseEncoding(enc)
	if err != nil {
		return Result{}, err
	}
	format, err := sniff(raw, name)
	if err != nil {
		return Result{}, err
	}
	var res Result
	switch format {
	case FormatTxt:
		res, err = convertText(raw, e)
	case FormatHTML:
		res, err = convertHTML(raw, e)
	case FormatDocx:
		res, err = convertDocx(raw, e)
	case FormatPDF:
		res, err = convertPDF(raw, e)
	}
	if err != nil {
		return Result{}, err
	}
	res.Format = format
	res.Text = finish(res.Text)
	return res, nil
}

// finish makes the output contract hold whatever a converter produced:
// valid UTF-8, NFC, LF line ends, no BOM, no NUL.
func finish(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.ContainsAny(s, "\r\x00\uFEFF") {
		s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", "", "\uFEFF", "").Replace(s)
	}
	return norm.NFC.String(s)
}

var (
	magicPDF  = []byte("%PDF-")
	magicZip  = []byte("PK\x03\x04")
	magicOLE2 = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// unsupportedExt are extensions of formats Convert knows it cannot read.
var unsupportedExt = map[string]string{
	".xls": "Excel", ".xlsx": "Excel", ".ppt": "PowerPoint", ".pptx": "PowerPoint",
	".odt": "OpenDocument", ".ods": "OpenDocument", ".rtf": "RTF",
	".jpg": "image", ".jpeg": "image", ".png": "image", ".tif": "image", ".tiff": "image",
	".gif": "image", ".zip": "zip", ".rar": "rar", ".7z": "7z",
}

// sniff picks the format from magic bytes, then the extension.
func sniff(raw []byte, name string) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(raw, magicOLE2):
		if isEncryptedOOXML(raw) {
			return "", fmt.Errorf("%w: %q is a password-protected Office document", ErrEncrypted, name)
		}
		if ext == ".xls" || ext == ".ppt" {
			return "", fmt.Errorf("%w: %q is a legacy %s file", ErrUnsupportedFormat, name, unsupportedExt[ext])
		}
		return "", fmt.Errorf("%w: %q is an OLE2 (.doc) file, not .docx; save it as .docx or PDF", ErrLegacyDoc, name)
	case bytes.HasPrefix(raw, magicZip) || bytes.HasPrefix(raw, []byte("PK\x05\x06")):
		if kind, ok := unsupportedExt[ext]; ok {
			return "", fmt.Errorf("%w: %q is a %s file", ErrUnsupportedFormat, name, kind)
		}
		if ext != ".docx" && !bytes.Contains(raw, []byte("word/document.xml")) {
			return "", fmt.Errorf("%w: %q is a zip archive but not a Word .docx", ErrUnsupportedFormat, name)
		}
		return FormatDocx, nil
	case pdfStart(raw) >= 0:
		return FormatPDF, nil
	}
	switch ext {
	case ".docx", ".docm", ".dotx":
		return "", fmt.Errorf("%w: %q is not a zip archive, so not a .docx", ErrCorrupt, name)
	case ".doc":
		return "", fmt.Errorf("%w: %q is not an OLE2 .doc file", ErrCorrupt, name)
	case ".pdf":
		return "", fmt.Errorf("%w: %q does not start with %%PDF-", ErrCorrupt, name)
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML, nil
	}
	if kind, ok := unsupportedExt[ext]; ok {
		return "", fmt.Errorf("%w: %q is a %s file", ErrUnsupportedFormat, name, kind)
	}
	if binaryMagic(raw) {
		return "", fmt.Errorf("%w: %q is binary data of an unknown kind", ErrUnsupportedFormat, name)
	}
	if ext != ".txt" && looksHTML(raw) {
		return FormatHTML, nil
	}
	return FormatTxt, nil
}

// pdfStart finds "%PDF-" in the first KiB (some producers put junk first).
func pdfStart(raw []byte) int {
	head := raw
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Index(head, magicPDF)
}

// binaryMagic tells images and other binary formats, and text with NULs
// that is not UTF-16.
func binaryMagic(raw []byte) bool {
	for _, m := range [][]byte{{0x89, 'P', 'N', 'G'}, {0xFF, 0xD8, 0xFF}, []byte("GIF8"),
		[]byte("II*\x00"), []byte("MM\x00*"), []byte("{\\rtf"), []byte("Rar!"), {0x1F, 0x8B}, []byte("7z\xBC\xAF")} {
		if bytes.HasPrefix(raw, m) {
			return true
		}
	}
	if _, ok := bomEncoding(raw); ok {
		return false
	}
	if utf16NoBOM(raw) != "" {
		return false
	}
	head := raw
	if len(head) > 4096 {
		head = head[:4096]
	}
	return bytes.IndexByte(head, 0) >= 0
}

// looksHTML tells a saved web page without an .html name.
func looksHTML(raw []byte) bool {
	head := raw
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	head = bytes.ToLower(bytes.TrimSpace(head))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<html"))
}
