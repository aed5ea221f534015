package extract

import (
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
		syl, rest, _ := strings.Cut(k.pat, " ")
		add(syl, roleKind)
		// two syllables glued by a PDF copy into a word no longer than
		// a syllable ("Chỉthị"): a longer one is found by its prefix
		next, _, _ := strings.Cut(rest, " ")
		if g := syl + next; rest != "" && len(g) <= longestSyllable {
			add(g, roleKind)
		}
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

// tokenize cuts text into its tokens. It is one long function on purpose:
// it reads every byte of the document, and its state (the word's start,
// packed key and length) stays in registers only while the inner loop
// makes no call and no helper takes its address.
func tokenize(text string) tokens {
	return tokenizeInto(nil, text)
}

// tokenizeInto is tokenize appending to buf[:0], which it reuses when
// it is large enough.
func tokenizeInto(buf tokens, text string) tokens {
	ts := buf[:0]
	if n := len(text)/bytesPerToken + 16; cap(ts) < n {
		ts = make(tokens, 0, n)
	}
	open := false                   // the last token waits for the key of the word after it
	start, k, n := -1, uint64(0), 0 // the word being read (see pushByte); start is -1 between words
	for i := 0; i < len(text); {
		var f byte
		size := 1
		begun := start >= 0
		if !begun {
			start, k, n = i, 0, 0 // a word may start here: undone below if not
		}
		// The common letters and digits, decoded inline: a loop without
		// calls keeps its variables in registers.
		for ; i < len(text); i += size {
			switch c := text[i]; {
			case c < 0x80:
				f, size = foldBytes[c], 1
			case c >= 0xC2 && c < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
				f, size = foldBytes[rune(c&0x1F)<<6|rune(text[i+1]&0x3F)], 2
			case c == 0xE1 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
				f, size = foldBytes[0x1000|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F)], 3
			default:
				f, size = fbWide, 1
			}
			if f <= fbWide || f <= '9' && uint(n-1) < 5 && byte(k) > '9' {
				break // anything else, or a digit that may follow a glued word
			}
			k, n = pushByte(k, n, f)
		}
		if !begun && i == start {
			start = -1
		}
		if i == len(text) {
			break
		}
		if f == fbWide {
			f, size = foldByteWide(text, i)
		}
		switch {
		case f == fbNone:
			if start >= 0 {
				kr := k | uint64(roleTable.get(k))<<roleShift // wordKR of a short word in lower case
				if n > 7 || text[start] < 'a' {
					kr = wordKR(text, start, i, k, n)
				}
				ts.add(start, kr, &open)
				start, n = -1, 0
			}
		case start < 0:
			start, k, n = i, 0, 0
		case f <= '9' && f > fbWide && gluedBefore(k, n):
			ts.add(start, wordKR(text, start, i, k, n), &open) // "ngày03/6/2013", "số25": the word, then the number
			start, k, n = i, 0, 0
		}
		switch {
		case f == fbRune:
			k, n = pushRune(k, n, text, i)
		case f > fbWide:
			k, n = pushByte(k, n, f)
		}
		i += size
	}
	if start >= 0 {
		ts.add(start, wordKR(text, start, len(text), k, n), &open)
	}
	return ts
}

// keyNgay and keySo are the keys of the words glued to a number that the
// date words do not name.
var keyNgay, keySo = keyOf("ngay"), keyOf("so")

// pushByte adds the folded byte f to the word whose folded form has n
// bytes, the first 8 packed in k (bytes past 8 are only counted).
func pushByte(k uint64, n int, f byte) (uint64, int) {
	if n < 8 {
		k = k<<8 | uint64(f)
	}
	return k, n + 1
}

// pushRune adds the fold of the rune at text[i], which does not fold to
// ASCII, while the word is short enough for it to count.
func pushRune(k uint64, n int, text string, i int) (uint64, int) {
	r, _ := utf8.DecodeRuneInString(text[i:])
	if n >= keyPrefix {
		return k, n
	}
	var buf [utf8.UTFMax]byte
	for _, c := range buf[:utf8.EncodeRune(buf[:], foldRune(r))] {
		k, n = pushByte(k, n, c)
	}
	return k, n
}

// gluedBefore: the word so far (see pushByte) is one a PDF copy glues to
// the number after it.
func gluedBefore(k uint64, n int) bool {
	if n == 0 || n > 5 || isDigit(byte(k)) {
		return false
	}
	switch k {
	case keyNgay, keyThang, keyNam, keySo, keyQuy, keyQui:
		return true
	}
	return false
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

// wordKR returns the key and roles of the word text[start:end], whose
// folded form has n bytes, the first 8 packed in k.
func wordKR(text string, start, end int, k uint64, n int) uint64 {
	var key uint64
	var role uint16
	if n <= 7 {
		key = k
		role = roleTable.get(key)
	} else if n == 8 {
		key = keyEight
	}
	if c := text[start]; isDigit(c) {
		role |= roleDigit
	} else if c >= 'A' && c <= 'Z' && end-start <= 5 && end-start > 1 && abbrevSecond[text[start+1]] {
		if _, ok := kindAbbrevs[text[start:end]]; ok {
			role |= roleAbbrev
		}
	}
	if role == 0 && n > longestSyllable {
		role = gluedRoles(k)
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

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// gluedRoles gives a long word, whose first 8 folded bytes k packs, the
// roles of a syllable it starts with.
func gluedRoles(k uint64) uint16 {
	for n := 2; n <= longestSyllable; n++ {
		if r := packedRoles[k>>(64-8*n)]; r != 0 {
			return r
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
