package extract

import (
	"strings"
	"testing"
)

// TestKeysFit: the words the recognisers compare by key fit the 7 bytes
// packWord holds (a word of 8 bytes only gets keyEight).
func TestKeysFit(t *testing.T) {
	for w := range wordRoles {
		if len(w) > 7 {
			t.Errorf("role word %q is longer than 7 bytes", w)
		}
	}
	for _, k := range kinds {
		for _, w := range strings.Fields(k.pat) {
			if len(w) > 7 {
				t.Errorf("kind syllable %q is longer than 7 bytes", w)
			}
		}
	}
	for _, k := range []uint64{keyDau, keyGiua, keyCuoi, keyThang, keyNam, keyQuy, keyQui, keyI, keyII, keyIII, keyIV} {
		if k == 0 || k == keyEight {
			t.Errorf("key constant %x does not name a word", k)
		}
	}
}
