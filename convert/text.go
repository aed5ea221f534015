package convert

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names.
const (
	EncUTF8      = "utf-8"
	EncUTF16LE   = "utf-16le"
	EncUTF16BE   = "utf-16be"
	EncCP1258    = "windows-1258"
	EncTCVN3     = "tcvn3"
	EncVNI       = "vni"
	EncTCVN3Font = "tcvn3-font"
	EncVNIFont   = "vni-font"
)

// scoreLimit bounds the bytes each candidate decoding is scored on.
const scoreLimit = 64 << 10

var encAliases = map[string]string{
	"utf-8": EncUTF8, "utf8": EncUTF8,
	"utf-16le": EncUTF16LE, "utf16le": EncUTF16LE, "utf-16be": EncUTF16BE, "utf16be": EncUTF16BE,
	"windows-1258": EncCP1258, "cp1258": EncCP1258, "windows1258": EncCP1258,
	"tcvn3": EncTCVN3, "tcvn": EncTCVN3, "abc": EncTCVN3, "tcvn-5712": EncTCVN3,
	"vni": EncVNI, "vni-windows": EncVNI,
}

func parseEncoding(enc string) (string, error) {
	if enc == "" {
		return "", nil
	}
	e, ok := encAliases[strings.ToLower(strings.TrimSpace(enc))]
	if !ok {
		return "", fmt.Errorf("%w: %q (want utf-8, utf-16le, utf-16be, windows-1258, tcvn3 or vni)", ErrUnknownEncoding, enc)
	}
	return e, nil
}

// bomEncoding reads a byte-order mark.
func bomEncoding(raw []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return EncUTF8, true
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return EncUTF16LE, true
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return EncUTF16BE, true
	}
	return "", false
}

// utf16NoBOM recognises UTF-16 without a BOM by its zero bytes: text
// has spaces, digits and ASCII consonants, whose high byte is 0.
func utf16NoBOM(raw []byte) string {
	n := len(raw) &^ 1
	if n < 8 {
		return ""
	}
	if n > 8192 {
		n = 8192
	}
	var zeros [2]int
	for i := 0; i < n; i++ {
		if raw[i] == 0 {
			zeros[i&1]++
		}
	}
	half := n / 2
	switch {
	case zeros[1]*4 >= half && zeros[0]*50 <= half:
		return EncUTF16LE
	case zeros[0]*4 >= half && zeros[1]*50 <= half:
		return EncUTF16BE
	}
	return ""
}

// decodeBytes reads raw in a known encoding (tcvn3 and vni as bytes).
func decodeBytes(raw []byte, enc string) string {
	switch enc {
	case EncUTF16LE, EncUTF16BE:
		order := unicode.LittleEndian
		if enc == EncUTF16BE {
			order = unicode.BigEndian
		}
		raw = bytes.TrimPrefix(raw, []byte(map[bool]string{true: "\xFF\xFE", false: "\xFE\xFF"}[enc == EncUTF16LE]))
		cut := len(raw)%2 == 1 // a cut-off last byte becomes U+FFFD
		if cut {
			raw = raw[:len(raw)-1]
		}
		out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(raw)
		if err != nil {
			return strings.ToValidUTF8(string(raw), "\uFFFD")
		}
		if cut {
			out = append(out, "\uFFFD"...)
		}
		return string(out)
	case EncCP1258:
		out, err := charmap.Windows1258.NewDecoder().Bytes(raw)
		if err != nil {
			return decodeCP1252(raw)
		}
		return string(out) // the combining tone marks are composed by finish (NFC)
	case EncTCVN3:
		return fromTCVN3(decodeCP1252(raw))
	case EncVNI:
		return fromVNI(decodeCP1252(raw))
	}
	raw = bytes.TrimPrefix(raw, []byte{0xEF, 0xBB, 0xBF})
	if utf8.Valid(raw) {
		return string(raw)
	}
	return strings.ToValidUTF8(string(raw), "\uFFFD")
}

// decodeText decodes raw (forced to enc unless enc is "") into Unicode
// and reports the encoding. force is the legacy font to re-read every
// line with ("" = repair by detection, when the text is Unicode).
func decodeText(raw []byte, enc string) (s, used, force string) {
	if enc == "" {
		enc = detectBytes(raw)
	} else if (enc == EncTCVN3 || enc == EncVNI) && utf8.Valid(raw) && latinOnly(string(raw)) {
		// Unicode text typed with a legacy font, the repair forced
		s := strings.TrimPrefix(string(raw), "\uFEFF")
		return s, enc + "-font", enc
	}
	return decodeBytes(raw, enc), enc, ""
}

// repairText applies the legacy-font repair to decoded text: forced
// (force = "tcvn3" or "vni"), or detected when used is a Unicode encoding.
func repairText(s, used, force string) (string, string) {
	switch force {
	case EncTCVN3:
		return fromTCVN3(s), EncTCVN3Font
	case EncVNI:
		return fromVNI(s), EncVNIFont
	}
	if used == EncUTF8 || used == EncUTF16LE || used == EncUTF16BE {
		if fixed, font := repairFonts(s); font != "" {
			return fixed, font
		}
	}
	return s, used
}

// latinOnly reports whether s has nothing beyond Latin-1 and the
// Windows-1252 punctuation, as legacy-font text has.
func latinOnly(s string) bool {
	for _, r := range s {
		if r > 0xFF && r != 0xFEFF && !isCP1252High(r) {
			return false
		}
	}
	return true
}

func isCP1252High(r rune) bool {
	for _, c := range cp1252High {
		if c == r {
			return true
		}
	}
	return false
}

// detectBytes picks the encoding of raw; see the package comment.
func detectBytes(raw []byte) string {
	if e, ok := bomEncoding(raw); ok {
		return e
	}
	if e := utf16NoBOM(raw); e != "" {
		return e
	}
	if utf8.Valid(raw) {
		return EncUTF8
	}
	sample := raw
	if len(sample) > scoreLimit {
		sample = sample[:scoreLimit]
		// do not judge UTF-8 by a sequence the cut split
		for i := 0; i < 3 && len(sample) > 0 && sample[len(sample)-1] >= 0x80; i++ {
			sample = sample[:len(sample)-1]
		}
	}
	best, bestScore := EncCP1258, 0
	for i, enc := range []string{EncCP1258, EncTCVN3, EncVNI} {
		sc := scoreText(decodeBytes(sample, enc), 0).total()
		if i == 0 || sc > bestScore {
			best, bestScore = enc, sc
		}
	}
	if mostlyUTF8(sample) {
		if sc := scoreText(decodeBytes(sample, EncUTF8), 0).total(); sc >= bestScore {
			best = EncUTF8
		}
	}
	return best
}

// mostlyUTF8 reports whether raw is UTF-8 with a few bad bytes (a cut-off
// or damaged file) rather than an 8-bit encoding.
func mostlyUTF8(raw []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(raw); {
		if raw[i] < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return good > 0 && good >= 4*bad
}

// repairFonts finds lines of Unicode text typed with a TCVN3 or VNI font
// and converts them; it returns "" for font when it changed nothing.
// A line is a candidate only when it has no letter only Unicode
// Vietnamese has; it is converted when the converted line scores better;
// the font that gains most wins, and only when its total gain is clear.
func repairFonts(s string) (string, string) {
	if !hasLatinLetters(s) {
		return s, ""
	}
	lines := strings.Split(s, "\n")
	type cand struct {
		name string
		conv func(string) string
		out  []string
		gain int
		long int
	}
	cands := []*cand{{name: EncTCVN3Font, conv: fromTCVN3}, {name: EncVNIFont, conv: fromVNI}}
	for _, c := range cands {
		c.out = make([]string, len(lines))
	}
	for i, l := range lines {
		if !hasLatinLetters(l) || hasSpecific(l) {
			continue
		}
		before := scoreText(l, 0)
		for _, c := range cands {
			fixed := c.conv(l)
			if fixed == l {
				continue
			}
			after := scoreText(fixed, 0)
			if after.total() > before.total() && after.good > 2*after.bad {
				c.out[i] = fixed
				c.gain += after.total() - before.total()
				c.long += after.long
			}
		}
	}
	best := cands[0]
	if cands[1].gain > best.gain {
		best = cands[1]
	}
	if best.gain < 3 || best.long < 2 {
		return s, ""
	}
	for i, l := range best.out {
		if l != "" {
			lines[i] = l
		}
	}
	return strings.Join(lines, "\n"), best.name
}

// hasLatinLetters reports whether s has a character in U+0080–U+00FF.
func hasLatinLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0xC2 || s[i] == 0xC3 {
			return true
		}
	}
	return false
}

// convertText is the txt format.
func convertText(raw []byte, enc string) (Result, error) {
	text, used, force := decodeText(raw, enc)
	text, used = repairText(text, used, force)
	return Result{Text: text, Encoding: used}, nil
}
