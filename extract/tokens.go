package extract

import (
	"encoding/binary"
	"sort"
	"strings"
	"unicode/utf8"
)

// The text is cut into words once. Each word carries the roles its folded
// form can play — first syllable of a kind name, a date word, a cue — so
// the recognisers visit only the words that can start what they look for
// (goldmark's cheap triggers). Words glued by a PDF copy ("Nghịquyết",
// "trướcngày") get the roles of their first syllable. Only the words with
// a role are kept, each with the key and roles of the word after it.

// Word roles.
const (
	roleKind uint16 = 1 << iota
	roleAbbrev
	roleDate
	roleDigit
	roleRelative
	roleTrigger
)

type token struct {
	start int32
	kr    uint64 // the key in the low 56 bits, the roles in the high 8
	next  uint64 // kr of the word after this one; 0 at the end
}

const roleShift = 56

// key is packWord of the folded word; keyEight for a word of 8 bytes
// (no word the recognisers look for has 8), 0 for a longer one.
func (t token) key() uint64 { return t.kr & (1<<roleShift - 1) }

// role is the word's roles.
func (t token) role() uint16 { return uint16(t.kr >> roleShift) }

// keyEight is the key of every folded word of 8 bytes: packWord holds 7.
const keyEight = 1 << 55

type tokens []token

// wordRoles maps a folded word to its roles.
var wordRoles = func() map[string]uint16 {
	m := map[string]uint16{}
	add := func(w string, r uint16) { m[w] |= r }
	for _, k := range kinds {
		syl, _, _ := strings.Cut(k.pat, " ")
		add(syl, roleKind)
	}
	for w := range dateWords {
		add(w, roleDate)
	}
	for w := range relativeWords {
		add(w, roleRelative)
	}
	for _, t := range triggers {
		w, _, _ := strings.Cut(t.pat, " ")
		add(w, roleTrigger)
	}
	return m
}()

// packedRoles is wordRoles keyed by packWord: a uint64 key is cheaper
// to look up than a string, and every role word is at most 7 bytes.
var packedRoles = func() map[uint64]uint16 {
	m := map[uint64]uint16{}
	for w, r := range wordRoles {
		if k, ok := packWord([]byte(w)); ok {
			m[k] = r
		}
	}
	return m
}()

// roleTable is packedRoles as an open-addressing table: looking a key up
// costs a multiply and a probe or two, where a map costs a hash call.
var roleTable = func() *keyTable {
	t := &keyTable{}
	for k, r := range packedRoles {
		t.put(k, r)
	}
	return t
}()

const keyTableSize = 1024 // a power of two, well above the number of role words

type keyTable struct {
	keys [keyTableSize]uint64
	vals [keyTableSize]uint16
}

func slot(k uint64) int { return int((k * 0x9E3779B97F4A7C15) >> (64 - 10)) }

func (t *keyTable) put(k uint64, v uint16) {
	for i := slot(k); ; i = (i + 1) & (keyTableSize - 1) {
		if t.keys[i] == 0 || t.keys[i] == k {
			t.keys[i], t.vals[i] = k, v
			return
		}
	}
}

func (t *keyTable) get(k uint64) uint16 {
	for i := slot(k); ; i = (i + 1) & (keyTableSize - 1) {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}

// keyOf packs an ASCII word (a constant of the recognisers).
func keyOf(w string) uint64 {
	k, _ := packWord([]byte(w))
	return k
}

// next returns the key and roles of the word after token k (zero at the
// end of the text).
func (ts tokens) next(k int) token {
	return token{kr: ts[k].next}
}

// packWord packs a word of up to 7 bytes into the low 56 bits of a
// uint64 (a word has no NUL byte, so the packing is one to one).
func packWord(w []byte) (uint64, bool) {
	if len(w) > 7 {
		return 0, false
	}
	var k uint64
	for _, c := range w {
		k = k<<8 | uint64(c)
	}
	return k, true
}

// packShort is packWord of a w of at most 7 bytes whose capacity is at
// least 8, with one load: the bytes past len(w) are shifted out.
func packShort(w []byte) uint64 {
	return binary.BigEndian.Uint64(w[:8]) >> (64 - 8*len(w))
}

// longestSyllable is the longest Vietnamese syllable in letters ("nghiêng"):
// a longer word may be syllables glued together.
const longestSyllable = 7

// bytesPerToken sizes the token slice: Vietnamese prose has about one
// word per six bytes and a third of the words at most have a role, so
// len/16 rarely grows.
const bytesPerToken = 16

// keyPrefix is how many folded bytes of a word the tokenizer keeps: one
// more than a packed key holds, so a longer word is seen as longer.
const keyPrefix = 9

func tokenize(text string) tokens {
	ts := make(tokens, 0, len(text)/bytesPerToken+16)
	open := false // the last token waits for the key of the word after it
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0x80 {
			if !isASCIIAlnum(c) {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !isWordChar(r) {
			i += n
			continue
		}
		i = scanWord(text, i, &ts, &open)
	}
	return ts
}

// add records the word text[start:…] with key and roles kr: it completes
// the open token, and opens a new one when the word has a role.
func (ts *tokens) add(start int, kr uint64, open *bool) {
	if *open {
		(*ts)[len(*ts)-1].next = kr
	}
	*open = kr>>roleShift != 0
	if *open {
		*ts = append(*ts, token{start: int32(start), kr: kr})
	}
}

// scanWord appends the tokens of the word starting at text[start] (two
// when a PDF copy glued it to a number) and returns where it ends.
func scanWord(text string, start int, ts *tokens, open *bool) int {
	var w [keyPrefix + utf8.UTFMax]byte // folded prefix of the word
	n := 0
	i := start
	for i < len(text) {
		c := text[i]
		if c < 0x80 {
			if !isASCIIAlnum(c) {
				break
			}
			if isDigit(c) && gluedBefore(w[:n]) {
				ts.add(start, wordKR(text, start, i, w[:n]), open) // "ngày03/6/2013", "số25": the word, then the number
				start, n = i, 0
			}
			if n < keyPrefix {
				w[n] = lowerASCII[c]
				n++
			}
			i++
			continue
		}
		r, size := decodeVi(text, i)
		if !isWordChar(r) {
			break
		}
		if f := foldRune(r); f != 0 && n < keyPrefix {
			n += utf8.EncodeRune(w[n:], f)
		}
		i += size
	}
	ts.add(start, wordKR(text, start, i, w[:n]), open)
	return i
}

// wordKR returns the key and roles of the word text[start:end], whose
// folded form begins with w (all of it when it is at most 8 bytes); w
// has a capacity of at least 8.
func wordKR(text string, start, end int, w []byte) uint64 {
	var key uint64
	var role uint16
	if len(w) <= 7 {
		key = packShort(w)
		role = roleTable.get(key)
	} else if len(w) == 8 {
		key = keyEight
	}
	if isDigit(text[start]) {
		role |= roleDigit
	}
	if role == 0 && len(w) > longestSyllable {
		role = gluedRoles(w)
	}
	if text[start] >= 'A' && text[start] <= 'Z' && end-start <= 5 && end-start > 1 && abbrevSecond[text[start+1]] {
		if _, ok := kindAbbrevs[text[start:end]]; ok {
			role |= roleAbbrev
		}
	}
	return key | uint64(role)<<roleShift
}

// abbrevSecond marks the second bytes of kindAbbrevs: a cheap test
// before the map.
var abbrevSecond = func() (t [256]bool) {
	for a := range kindAbbrevs {
		t[a[1]] = true
	}
	return
}()

// gluedBefore: the word so far (folded w) is one a PDF copy glues to the
// number after it.
func gluedBefore(w []byte) bool {
	return len(w) > 0 && !isDigit(w[len(w)-1]) && gluedToNumber(w)
}

// gluedToNumber: words that a PDF copy glues to the number after them.
func gluedToNumber(w []byte) bool {
	switch string(w) {
	case "ngay", "thang", "nam", "quy", "qui", "so":
		return true
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// gluedRoles gives a long word the roles of a syllable it starts with.
func gluedRoles(w []byte) uint16 {
	for n := 2; n <= longestSyllable && n < len(w); n++ {
		if k, ok := packWord(w[:n]); ok && packedRoles[k] != 0 {
			return packedRoles[k]
		}
	}
	return 0
}

// wordEnd returns the end of the word starting at s[i].
func wordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < 0x80 {
			if !isASCIIAlnum(c) {
				return i
			}
			i++
			continue
		}
		r := firstRune(s[i:])
		if !isWordChar(r) {
			return i
		}
		i += len(string(r))
	}
	return i
}

// scanIdx is scan with the token's index.
func (ts tokens) scanIdx(from, to int, mask uint16, f func(k int) int) {
	k := sort.Search(len(ts), func(k int) bool { return int(ts[k].start) >= from })
	resume := from
	for ; k < len(ts) && int(ts[k].start) < to; k++ {
		t := ts[k]
		if t.role()&mask == 0 || int(t.start) < resume {
			continue
		}
		resume = f(k)
	}
}

// scan calls f at the start of each word in [from, to) having one of the
// roles in mask; f returns the offset where scanning resumes.
func (ts tokens) scan(from, to int, mask uint16, f func(i int) int) {
	ts.scanIdx(from, to, mask, func(k int) int { return f(int(ts[k].start)) })
}
