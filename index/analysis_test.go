package index

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// tok is a token written compactly for the tables: term and byte offsets.
type tok struct {
	term       string
	start, end int
}

func toks(ts analysis.TokenStream) []tok {
	out := make([]tok, len(ts))
	for i, t := range ts {
		out[i] = tok{string(t.Term), t.Start, t.End}
	}
	return out
}

func analyzer(t testing.TB, name string) analysis.Analyzer {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestTokenizer(t *testing.T) {
	tests := []struct {
		in   string
		want []tok
	}{
		{"Nghị quyết số 25-NQ/TW,", []tok{{"Nghị", 0, 6}, {"quyết", 7, 14}, {"số", 15, 19}, {"25-NQ/TW", 20, 28}}},
		{"số 58KH/TU", []tok{{"số", 0, 4}, {"58-KH/TU", 5, 12}}},
		{"16/CT-TTg", []tok{{"16/CT-TTg", 0, 9}}},
		{"15/2020/NĐ-CP.", []tok{{"15/2020/NĐ-CP", 0, 14}}},
		{"1234/QĐ-UBND", []tok{{"1234/QĐ-UBND", 0, 13}}},
		{"(09-NQ/TW)", []tok{{"9-NQ/TW", 1, 9}}},
		{"30c/NQ-CP", []tok{{"30c/NQ-CP", 0, 9}}},
		{"77/2015/QH13", []tok{{"77/2015/QH13", 0, 12}}},
		{"25–NQ/TW", []tok{{"25-NQ/TW", 0, 10}}},
		{"25-NQ/TW-", []tok{{"25-NQ/TW", 0, 8}}},
		// Not symbols: dates, ranges, a lone code, Vietnamese words.
		{"ngày 03/6/2013", []tok{{"ngày", 0, 5}, {"03", 6, 8}, {"6", 9, 10}, {"2013", 11, 15}}},
		{"2020-2025", []tok{{"2020", 0, 4}, {"2025", 5, 9}}},
		{"25-NQ", []tok{{"25", 0, 2}, {"NQ", 3, 5}}},
		{"16/CT", []tok{{"16", 0, 2}, {"CT", 3, 5}}},
		{"100/xã-phường", []tok{{"100", 0, 3}, {"xã", 4, 7}, {"phường", 8, 17}}},
		{"a25-NQ/TW", []tok{{"a25", 0, 3}, {"NQ", 4, 6}, {"TW", 7, 9}}},
		{"Kết luận 62", []tok{{"Kết", 0, 5}, {"luận", 6, 12}, {"62", 13, 15}}},
		{"ho\u0300a", []tok{{"ho\u0300a", 0, 5}}},
		{"", []tok{}},
		{" \n\t– “”", []tok{}},
	}
	for _, tt := range tests {
		got := toks(Tokenizer{}.Tokenize([]byte(tt.in)))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTokenizerPositionsAndTypes(t *testing.T) {
	ts := Tokenizer{}.Tokenize([]byte("số 25 Kết"))
	for i, tk := range ts {
		if tk.Position != i+1 {
			t.Errorf("token %d position %d", i, tk.Position)
		}
	}
	if ts[1].Type != analysis.Numeric || ts[2].Type != analysis.AlphaNumeric {
		t.Errorf("types %v %v", ts[1].Type, ts[2].Type)
	}
}

func TestAnalyzers(t *testing.T) {
	tests := []struct {
		analyzer, in string
		want         []tok
	}{
		{AnalyzerVi, "Kết luận 62", []tok{{"kết", 0, 5}, {"luận", 6, 12}, {"62", 13, 15}}},
		{AnalyzerVi, "Tỉnh Uỷ hoà", []tok{{"tỉnh", 0, 6}, {"ủy", 7, 11}, {"hòa", 12, 16}}},
		{AnalyzerVi, "Số 25-NQ/TW", []tok{{"số", 0, 4}, {"25-nq/tw", 5, 13}}},
		{AnalyzerVi, "58KH/TU", []tok{{"58-kh/tu", 0, 7}}},
		{AnalyzerVi, "QĐ-UBND 1234/QĐ-UBND", []tok{{"qđ", 0, 3}, {"ubnd", 4, 8}, {"1234/qđ-ubnd", 9, 22}}},
		{AnalyzerFolded, "Kết luận 62", []tok{{"ket", 0, 5}, {"luan", 6, 12}, {"62", 13, 15}}},
		{AnalyzerFolded, "ĐẢNG Uỷ hòa", []tok{{"dang", 0, 7}, {"uy", 8, 12}, {"hoa", 13, 17}}},
		{AnalyzerFolded, "1234/QĐ-UBND", []tok{{"1234/qd-ubnd", 0, 13}}},
		{AnalyzerFolded, "\u065b a", []tok{{"a", 3, 4}}},
		{AnalyzerMarked, "Ban Kết luận 62 ĐẮK", []tok{{"kết", 4, 9}, {"luận", 10, 16}, {"đắk", 20, 26}}},
		{AnalyzerLines, "s:25-nq/tw\n\nd:25-nq/tw@2013-06-03\n", []tok{{"s:25-nq/tw", 0, 10}, {"d:25-nq/tw@2013-06-03", 12, 33}}},
	}
	for _, tt := range tests {
		got := toks(analyzer(t, tt.analyzer).Analyze([]byte(tt.in)))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s(%q) = %v, want %v", tt.analyzer, tt.in, got, tt.want)
		}
	}
}

// TestFoldOffsets checks that folded tokens keep offsets into the
// original text, so highlights can be cut from it.
func TestFoldOffsets(t *testing.T) {
	text := "Ban Thường vụ Tỉnh ủy Đắk Lắk, Kết luận số 62-KL/TW"
	for _, tk := range analyzer(t, AnalyzerFolded).Analyze([]byte(text)) {
		orig := text[tk.Start:tk.End]
		if got := toks(analyzer(t, AnalyzerFolded).Analyze([]byte(orig))); len(got) != 1 || got[0].term != string(tk.Term) {
			t.Errorf("token %q at [%d,%d) = %q does not fold to it", tk.Term, tk.Start, tk.End, orig)
		}
	}
}

// TestAnalyzeDoesNotAlias checks that analysing the same bytes twice
// (exact then folded) gives the same exact terms: the filters must not
// corrupt shared input.
func TestAnalyzeDoesNotAlias(t *testing.T) {
	in := []byte("Tỉnh Uỷ ĐẮK LẮK 25-NQ/TW")
	analyzer(t, AnalyzerFolded).Analyze(append([]byte(nil), in...))
	a := toks(analyzer(t, AnalyzerVi).Analyze(in))
	if a[1].term != "ủy" {
		t.Errorf("exact terms %v", a)
	}
}

func FuzzTokenizer(f *testing.F) {
	for _, s := range []string{"25-NQ/TW", "58KH/TU 15/2020/NĐ-CP", "ngày 03/6/2013", "30c/NQ-CP", "\xff1/a-b", "1/2020/", "\u065b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, tk := range analyzer(t, AnalyzerFolded).Analyze([]byte(s)) {
			if tk.Start < 0 || tk.End > len(s) || tk.Start >= tk.End || len(tk.Term) == 0 {
				t.Fatalf("bad token %v in %q", tk, s)
			}
			if tk.Start < last {
				t.Fatalf("overlapping token %v in %q", tk, s)
			}
			last = tk.End
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	text := []byte(strings.Repeat("Thực hiện Kế hoạch số 02-KH/BCĐ, ngày 15/3/2018 của Ban Chỉ đạo Trung ương về công tác Dân vận, Ban Thường vụ Tỉnh uỷ ban hành kế hoạch sơ kết Nghị quyết 25 như sau. ", 100))
	for _, name := range []string{AnalyzerVi, AnalyzerFolded} {
		a := analyzer(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				a.Analyze(append([]byte(nil), text...))
			}
		})
	}
}

func ExampleTokenizer() {
	for _, t := range analysisExample("Kết luận số 62-KL/TW của Bộ Chính trị") {
		fmt.Println(t)
	}
	// Output:
	// {ket 0 5}
	// {luan 6 12}
	// {so 13 17}
	// {62-kl/tw 18 26}
	// {cua 27 32}
	// {bo 33 37}
	// {chinh 38 44}
	// {tri 45 50}
}

func analysisExample(s string) []tok {
	a, _ := registry.NewCache().AnalyzerNamed(AnalyzerFolded)
	return toks(a.Analyze([]byte(s)))
}
