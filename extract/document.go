package extract

import (
	"encoding/json"
	"unicode/utf8"
)

// Span is a half-open byte range [start, end) into the normalised text
// (the text that Normalize returns and `vanban extract --text` prints).
type Span [2]int

// Str is a string that is written to JSON as null when it is empty, so
// that every key of the output is always present and absent values are
// explicit.
type Str string

// MarshalJSON writes the empty Str as null, else as json.Marshal writes
// the string (quoted without reflection: the output of a document has
// hundreds of them; TestStrMarshalJSON compares).
func (s Str) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return appendJSONString(make([]byte, 0, len(s)+2), string(s)), nil
}

// appendJSONString appends s quoted as encoding/json quotes strings:
// short escapes for \b \f \n \r \t, \u00XX for other control bytes,
// <, > and & escaped, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if (r != utf8.RuneError || n != 1) && r != '\u2028' && r != '\u2029' {
				i += n
				continue
			}
			dst = append(dst, s[start:i]...)
			if r == utf8.RuneError {
				dst = append(dst, `\ufffd`...)
			} else {
				dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			}
			i += n
			start = i
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
			i++
			continue
		}
		dst = appendEscape(append(dst, s[start:i]...), c)
		i++
		start = i
	}
	return append(append(dst, s[start:]...), '"')
}

// appendEscape appends the escape of an ASCII byte that JSON strings
// escape.
func appendEscape(dst []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	default:
		return append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
	}
}

// UnmarshalJSON reads null as the empty Str.
func (s *Str) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = Str(v)
	return nil
}

// Document is the structured form of one planning document. Field order is
// the JSON key order of `vanban extract`.
type Document struct {
	Kind              Str                 `json:"kind"`
	Symbol            Str                 `json:"symbol"`
	Issuer            Str                 `json:"issuer"`
	Place             Str                 `json:"place"`
	Date              Str                 `json:"date"`
	Title             Str                 `json:"title"`
	Sections          []*Section          `json:"sections"`
	References        []*Reference        `json:"references"`
	NamedReferences   []*NamedReference   `json:"named_references"`
	Deadlines         []*Deadline         `json:"deadlines"`
	RelativeDeadlines []*RelativeDeadline `json:"relative_deadlines"`
	Signature         *Signature          `json:"signature"`
	Recipients        []string            `json:"recipients"`
	Attachments       []*Attachment       `json:"attachments"`
	Source            *Source             `json:"source"`
	Diagnostics       []Diagnostic        `json:"diagnostics"`
}

// Source says what the document was read from, when the caller knows:
// the file format ("txt", "docx", "pdf", "html") and the text encoding
// detected or forced ("utf-8", "windows-1258", "tcvn3", "vni-font"…).
// Extract itself leaves it nil.
type Source struct {
	Format   string `json:"format"`
	Encoding string `json:"encoding"`
}

// Section kinds.
const (
	SectionPurpose        = "purpose"
	SectionContent        = "content"
	SectionOrganization   = "organization"
	SectionTimeline       = "timeline"
	SectionForm           = "form"
	SectionRecommendation = "recommendation"
	SectionOther          = "other"
)

// Section is a numbered part of a document. Span covers the heading and
// everything up to the next section of the same or a higher level.
type Section struct {
	Number   string     `json:"number"`
	Heading  string     `json:"heading"`
	Title    string     `json:"title"`
	Kind     string     `json:"kind"`
	Span     Span       `json:"span"`
	Children []*Section `json:"children"`
}

// Relations between a document and a document it cites.
const (
	RelBasis      = "basis"
	RelImplements = "implements"
	RelReviews    = "reviews"
	RelContinues  = "continues"
	RelReplaces   = "replaces"
	RelAmends     = "amends"
	RelAttachedTo = "attached_to"
	RelCites      = "cites"
)

// Reference is one cited document with all its mentions. ID is
// "SYMBOL@DATE" (or "SYMBOL" when the date is unknown, "KIND NUMBER" when
// the symbol is unknown, "KIND: NAME" for laws cited by name).
type Reference struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`
	Number   Str       `json:"number"`
	Symbol   Str       `json:"symbol"`
	Date     Str       `json:"date"`
	Issuer   Str       `json:"issuer"`
	Term     Str       `json:"term"`
	Name     Str       `json:"name"`
	Relation string    `json:"relation"`
	Mentions []Mention `json:"mentions"`
}

// Mention is one place where a reference is written.
type Mention struct {
	Text     string `json:"text"`
	Span     Span   `json:"span"`
	Section  string `json:"section"`
	Relation string `json:"relation"`
}

// NamedReference is a document cited by a name only, without a number
// ("Nghị quyết Đại hội XIII của Đảng").
type NamedReference struct {
	Name     string    `json:"name"`
	Mentions []Mention `json:"mentions"`
}

// Precisions of a deadline.
const (
	PrecDay         = "day"
	PrecPartOfMonth = "part-of-month"
	PrecMonth       = "month"
	PrecQuarter     = "quarter"
	PrecPartOfYear  = "part-of-year"
	PrecYear        = "year"
	PrecRange       = "range"
)

// Deadline is a dated task: start and end are ISO dates (equal for a day).
type Deadline struct {
	Text        string `json:"text"`
	Start       string `json:"start"`
	End         string `json:"end"`
	Precision   string `json:"precision"`
	Responsible Str    `json:"responsible"`
	Task        Str    `json:"task"`
	Section     Str    `json:"section"`
	Span        Span   `json:"span"`
}

// RelativeDeadline is a time limit relative to an event ("trước 10 ngày").
type RelativeDeadline struct {
	Text    string `json:"text"`
	Span    Span   `json:"span"`
	Section Str    `json:"section"`
}

// Signature is the signing block.
type Signature struct {
	OnBehalf Str `json:"on_behalf"`
	Title    Str `json:"title"`
	Name     Str `json:"name"`
}

// Attachment is a part issued with the document (Đề cương, Phụ lục, Mẫu).
type Attachment struct {
	Kind     string     `json:"kind"`
	Heading  string     `json:"heading"`
	Title    Str        `json:"title"`
	Span     Span       `json:"span"`
	Sections []*Section `json:"sections"`
}

// Diagnostic reports a problem found while reading the text. The parser
// never fails: what it cannot read it reports here.
type Diagnostic struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Span    Span   `json:"span"`
}
