package extract

import (
	"math/rand"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestNFCMatchesNorm: nfc, which transforms only the runs that are not
// NFC-safe, gives what norm.NFC gives for the whole text.
func TestNFCMatchesNorm(t *testing.T) {
	alpha := []rune("aeiouyAEđĐâêôơưăạếồẩẫặ \n\t.,-*\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323\u0327\u0345\u034F" +
		"\u1100\u1161\u11A8가\u0CC6\u0CD5\u0DD9\u0DCF\u0B47\u0B3E\u2126\u212B\u00C5\u0958ΩЖ\uFFFD\u2011\u2060\u3000\U0001D15E")
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		b := make([]rune, r.Intn(40))
		for i := range b {
			b[i] = alpha[r.Intn(len(alpha))]
		}
		if n%50 == 0 { // a long run of marks: norm inserts U+034F
			for range 40 {
				b = append(b, '\u0301')
			}
		}
		s := string(b)
		if got, want := nfc(s), norm.NFC.String(s); got != want {
			t.Fatalf("nfc(%q) = %q, want %q", s, got, want)
		}
	}
}
