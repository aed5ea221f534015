package convert

// Data tables for the legacy Vietnamese encodings.
//
// Both TCVN3 and VNI were used through Windows "ANSI" fonts, so everything
// a table does not list reads as Windows-1252 (curly quotes, dashes and
// the ellipsis at 0x80–0x9F, Latin-1 above 0xA0).

// cp1252High maps bytes 0x80–0x9F of Windows-1252; the five bytes it
// leaves undefined map to the C1 control of the same value.
var cp1252High = [32]rune{
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
}

// tcvn3Table maps the bytes 0xA1–0xFF of TCVN 5712:1993 to Unicode. The
// ABC (VN3) fonts use the lower-case letters and the seven upper-case
// base letters; the upper-case toned letters at the other positions come
// from the full (VN1) table and are decoded too. 0xB0–0xB4 (VN1's
// combining tone marks) are left to Windows-1252, where they are ° ± ² ³ ´.
var tcvn3Table = map[byte]rune{
	// upper-case base letters
	0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
	// lower-case base letters
	0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ', 0xAD: 'ư', 0xAE: 'đ',
	// a: grave, hook, tilde, acute, dot
	0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ',
	// ă
	0xBB: 'ằ', 0xBC: 'ẳ', 0xBD: 'ẵ', 0xBE: 'ắ', 0xC6: 'ặ',
	// â
	0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ',
	// e
	0xCC: 'è', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ',
	// ê
	0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ', 0xD5: 'ế', 0xD6: 'ệ',
	// i
	0xD7: 'ì', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDD: 'í', 0xDE: 'ị',
	// o
	0xDF: 'ò', 0xE1: 'ỏ', 0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ',
	// ô
	0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ',
	// ơ
	0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ', 0xED: 'ớ', 0xEE: 'ợ',
	// u
	0xEF: 'ù', 0xF1: 'ủ', 0xF2: 'ũ', 0xF3: 'ú', 0xF4: 'ụ',
	// ư
	0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự',
	// y
	0xFA: 'ỳ', 0xFB: 'ỷ', 0xFC: 'ỹ', 0xFD: 'ý', 0xFE: 'ỵ',
	// upper-case toned letters of the full table (not in ABC fonts)
	0xAF: 'Ằ', 0xBA: 'Ẳ', 0xBF: 'Ẵ', 0xC0: 'Ắ', 0xC1: 'Ầ', 0xC2: 'Ẩ', 0xC3: 'Ẫ',
	0xC4: 'Ấ', 0xC5: 'Ề', 0xCD: 'Ể', 0xD9: 'Ễ', 0xDA: 'Ế', 0xDB: 'Ồ', 0xE0: 'Ổ',
	0xF0: 'Ỗ', 0xFF: 'Ố',
}

// VNI-Windows writes a toned vowel as its base letter followed by one
// modifier character; a few letters are single characters.

// vniSingle are the VNI characters that stand for a whole letter.
var vniSingle = map[rune]rune{
	'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư', 'ñ': 'đ', 'Ñ': 'Đ',
	'í': 'í', 'Í': 'Í', 'ì': 'ì', 'Ì': 'Ì', 'æ': 'ỉ', 'Æ': 'Ỉ',
	'ó': 'ĩ', 'Ó': 'Ĩ', 'ò': 'ị', 'Ò': 'Ị', 'î': 'ỵ', 'Î': 'Ỵ',
}

// Shapes a modifier gives its base letter.
const (
	shapeNone = iota
	shapeCircumflex
	shapeBreve
)

// Tones, in the order of the tables below.
const (
	toneNone = iota
	toneAcute
	toneGrave
	toneHook
	toneTilde
	toneDot
)

// vniMod is what one modifier character adds to the letter before it.
type vniMod struct{ shape, tone uint8 }

// vniModifiers lists the modifier characters, lower and upper case.
var vniModifiers = map[rune]vniMod{
	// tone only: sắc, huyền, hỏi, ngã, nặng
	'ù': {shapeNone, toneAcute}, 'ø': {shapeNone, toneGrave}, 'û': {shapeNone, toneHook},
	'õ': {shapeNone, toneTilde}, 'ï': {shapeNone, toneDot},
	'Ù': {shapeNone, toneAcute}, 'Ø': {shapeNone, toneGrave}, 'Û': {shapeNone, toneHook},
	'Õ': {shapeNone, toneTilde}, 'Ï': {shapeNone, toneDot},
	// circumflex (â ê ô) with each tone
	'â': {shapeCircumflex, toneNone}, 'á': {shapeCircumflex, toneAcute}, 'à': {shapeCircumflex, toneGrave},
	'å': {shapeCircumflex, toneHook}, 'ã': {shapeCircumflex, toneTilde}, 'ä': {shapeCircumflex, toneDot},
	'Â': {shapeCircumflex, toneNone}, 'Á': {shapeCircumflex, toneAcute}, 'À': {shapeCircumflex, toneGrave},
	'Å': {shapeCircumflex, toneHook}, 'Ã': {shapeCircumflex, toneTilde}, 'Ä': {shapeCircumflex, toneDot},
	// breve (ă) with each tone
	'ê': {shapeBreve, toneNone}, 'é': {shapeBreve, toneAcute}, 'è': {shapeBreve, toneGrave},
	'ú': {shapeBreve, toneHook}, 'ü': {shapeBreve, toneTilde}, 'ë': {shapeBreve, toneDot},
	'Ê': {shapeBreve, toneNone}, 'É': {shapeBreve, toneAcute}, 'È': {shapeBreve, toneGrave},
	'Ú': {shapeBreve, toneHook}, 'Ü': {shapeBreve, toneTilde}, 'Ë': {shapeBreve, toneDot},
}

// vniBases are the letters a modifier may follow, with the shapes each
// takes (tone-only modifiers fit every base).
var vniBases = map[rune]uint8{
	'a': 1<<shapeNone | 1<<shapeCircumflex | 1<<shapeBreve, 'A': 1<<shapeNone | 1<<shapeCircumflex | 1<<shapeBreve,
	'e': 1<<shapeNone | 1<<shapeCircumflex, 'E': 1<<shapeNone | 1<<shapeCircumflex,
	'o': 1<<shapeNone | 1<<shapeCircumflex, 'O': 1<<shapeNone | 1<<shapeCircumflex,
	'u': 1 << shapeNone, 'U': 1 << shapeNone, 'y': 1 << shapeNone, 'Y': 1 << shapeNone,
	'ơ': 1 << shapeNone, 'Ơ': 1 << shapeNone, 'ư': 1 << shapeNone, 'Ư': 1 << shapeNone,
}

// Combining marks for the shapes and tones.
var (
	shapeMarks = [...]rune{0, 0x0302, 0x0306}
	toneMarks  = [...]rune{0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323}
)
