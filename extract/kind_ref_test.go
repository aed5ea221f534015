package extract

import "testing"

// matchKindRef is the first matchKind, which matched every kind name
// from its first letter: the reference for the one that skips the
// syllable it has folded.
func matchKindRef(s string, i int) (*kindInfo, int) {
	if i >= len(s) || !atWordStart(s, i) {
		return nil, 0
	}
	var arr [32]byte
	w, _ := foldWord(s, i, arr[:])
	for _, k := range kindsBySyllable[string(w)] {
		if e, ok := matchFold(s, i, k.pat); ok {
			return k, e
		}
	}
	if len(w) > 3 {
		for n := 2; n < len(w) && n <= 6; n++ {
			for _, k := range kindsBySyllable[string(w[:n])] {
				if e, ok := matchFold(s, i, k.pat); ok {
					return k, e
				}
			}
		}
	}
	return nil, 0
}

func checkMatchKind(t *testing.T, s string) {
	for i := range len(s) + 1 {
		k, e := matchKind(s, i)
		rk, re := matchKindRef(s, i)
		if k != rk || e != re {
			t.Fatalf("[%q] matchKind(%.40q, %d) = %v, %d; the reference gives %v, %d", s[max(0, i-10):min(len(s), i+20)], s[i:], i, k, e, rk, re)
		}
	}
}

func TestMatchKindMatchesReference(t *testing.T) {
	for _, s := range tokenTexts(t) {
		checkMatchKind(t, s)
	}
	checkMatchKind(t, "Luật\u0301 Luật Kế\u0301 hoạch KẾHOẠCH nghịquyết Nghị  \n quyết\x00 ke hoach Chỉ thị\u0323 Luat2 luật, ")
}

func FuzzMatchKind(f *testing.F) {
	f.Add("Nghị quyết liên tịch số 1; Luật\u0301 Kế hoạch; Chương trìnhhành động")
	f.Fuzz(func(t *testing.T, s string) { checkMatchKind(t, s) })
}
