package extract

import "testing"

// TestLexSymbol: one row per written form of a document symbol.
func TestLexSymbol(t *testing.T) {
	tests := []struct {
		in, want, number string
	}{
		{"25-NQ/TW", "25-NQ/TW", "25"},
		{"58KH/TU", "58-KH/TU", "58"},
		{"13 -CTr/TU", "13-CTr/TU", "13"},
		{"28 NQ/TW", "28-NQ/TW", "28"},
		{"100 - KL/TW", "100-KL/TW", "100"},
		{"79-CTHĐ/TU", "79-CTHĐ/TU", "79"},
		{"82-KH/BCĐTW", "82-KH/BCĐTW", "82"},
		{"16/CT-TTg", "16/CT-TTg", "16"},
		{"15/2020/NĐ-CP", "15/2020/NĐ-CP", "15"},
		{"30c/NQ-CP", "30c/NQ-CP", "30c"},
		{"61/2018/NĐCP", "61/2018/NĐ-CP", "61"},
		{"1234/QĐ-UBND", "1234/QĐ-UBND", "1234"},
		{"1961/QĐUBND", "1961/QĐ-UBND", "1961"},
		{"77/2015/QH13", "77/2015/QH13", "77"},
		{"52/2001/QĐ/BNN-KH", "52/2001/QĐ/BNN-KH", "52"},
		{"09/2008/NQLT-CP-UBTWMTTQVN", "09/2008/NQLT-CP-UBTWMTTQVN", "09"},
		{"2613/BGDĐT-GDTrH", "2613/BGDĐT-GDTrH", "2613"},
		{"4738 /LĐTBXH-ATLĐ", "4738/LĐTBXH-ATLĐ", "4738"},
		{"09/2021/NQLT-UBTVQH-CP-ĐCTUBTWMTTQVN", "09/2021/NQLT-UBTVQH-CP-ĐCTUBTWMTTQVN", "09"},
		{"26/1999/QĐ-BGD&ĐT", "26/1999/QĐ-BGD&ĐT", "26"},
		{"112/2003/QĐ-BNN&PTNT", "112/2003/QĐ-BNN&PTNT", "112"},
		{"16/TTLB", "16/TTLB", "16"},
		{"08/QĐLB", "08/QĐLB", "08"},
		{"07/TTLTBYT", "07/TTLT-BYT", "07"},
		{"215/TTBTC", "215/TT-BTC", "215"},
		{"15/QĐ-UBND&", "15/QĐ-UBND", "15"},
		{"12/QĐLĐTBXH", "12/QĐ-LĐTBXH", "12"},
		{"25", "", "25"},
	}
	for _, tt := range tests {
		m, ok := lexSymbol(tt.in+" ", 0)
		if !ok || m.symbol != tt.want || m.number != tt.number {
			t.Errorf("lexSymbol(%q) = %q, %q, %v; want %q, %q", tt.in, m.symbol, m.number, ok, tt.want, tt.number)
		}
	}
}

// TestLexSymbolRejects: numbers that are not document numbers.
func TestLexSymbolRejects(t *testing.T) {
	for _, in := range []string{"03/6/2013", "1,5 ngày", "123456", "25-nq"} {
		if m, ok := lexSymbol(in, 0); ok && m.symbol != "" {
			t.Errorf("lexSymbol(%q) = %q, want no symbol", in, m.symbol)
		}
	}
}

// TestSymbolAfterKind: "số", "Số:", glued "số25" and a described kind.
func TestSymbolAfterKind(t *testing.T) {
	tests := []struct{ in, want string }{
		{" số 25-NQ/TW", "25-NQ/TW"},
		{" Số: 256-KH/TU", "256-KH/TU"},
		{" số25-NQ/TW", "25-NQ/TW"},
		{" phối hợp số 05/QC-UBND-MTTQ", "05/QC-UBND-MTTQ"},
		{" làm việc số 03-QC/HU ngày", "03-QC/HU"},
		{" số\n41/2020/NĐ-CP của Chính phủ", "41/2020/NĐ-CP"},
		{" số\n58KH/TU ngày", "58-KH/TU"},
	}
	for _, tt := range tests {
		m, ok := lexSymbolAfterKind(tt.in, 0)
		if !ok || m.symbol != tt.want {
			t.Errorf("lexSymbolAfterKind(%q) = %q, %v; want %q", tt.in, m.symbol, ok, tt.want)
		}
	}
}
