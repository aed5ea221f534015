package extract

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestStrMarshalJSON checks that a Str is written as json.Marshal writes
// its string, on written variants and on random bytes.
func TestStrMarshalJSON(t *testing.T) {
	cases := []string{
		"Kết luận 62-KL/TW", "a\"b\\c", "<script>&amp;</script>", "tab\there\nline\r\b\f",
		"\x00\x01\x1f\x7f", "bad \xff\xfe utf8 \xc3", "\u2028 and \u2029", "\ufffd literal",
		"NFD: Đa\u0300ng", "emoji 😀 end", "\xe2\x80", "ends with \\",
	}
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := []byte("aZ09 \"\\<>&\t\n\x00\x1f\x7f\xc3\xa0\xe2\x80\xa8\xa9\xff\xe1\xbb\x87")
	for range 3000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if s == "" {
			continue // null, below
		}
		want, _ := json.Marshal(s)
		got, err := json.Marshal(Str(s)) // through encoding/json, as the output is written
		if err != nil || string(got) != string(want) {
			t.Fatalf("Str(%q): got %s, %v; want %s", s, got, err, want)
		}
		if raw, _ := Str(s).MarshalJSON(); string(raw) != string(want) {
			t.Fatalf("Str(%q).MarshalJSON() = %s, want %s", s, raw, want)
		}
	}
	if got, _ := json.Marshal(Str("")); string(got) != "null" {
		t.Errorf("empty Str: %s, want null", got)
	}
}
