package index

import (
	"slices"
	"testing"

	"vanban/extract"
)

func TestParseRef(t *testing.T) {
	tests := []struct {
		in   string
		want Ref
		id   string
		key  string
	}{
		{"62-KL/TW", Ref{Kind: "Kết luận", Code: "KL", Number: "62", Symbol: "62-KL/TW"}, "62-KL/TW", "s:62-kl/tw"},
		{"62-kl/tw", Ref{Kind: "Kết luận", Code: "KL", Number: "62", Symbol: "62-KL/TW"}, "62-KL/TW", "s:62-kl/tw"},
		{"Kết luận 62", Ref{Kind: "Kết luận", Code: "KL", Number: "62"}, "Kết luận 62", "n:kl 62"},
		{"Kết luận số 62", Ref{Kind: "Kết luận", Code: "KL", Number: "62"}, "Kết luận 62", "n:kl 62"},
		{"ket luan 62", Ref{Kind: "Kết luận", Code: "KL", Number: "62"}, "Kết luận 62", "n:kl 62"},
		{"kl 62", Ref{Kind: "Kết luận", Code: "KL", Number: "62"}, "Kết luận 62", "n:kl 62"},
		{"KL-62", Ref{Kind: "Kết luận", Code: "KL", Number: "62"}, "Kết luận 62", "n:kl 62"},
		{"KL62", Ref{Kind: "Kết luận", Code: "KL", Number: "62"}, "Kết luận 62", "n:kl 62"},
		{"NQ 25@2013", Ref{Kind: "Nghị quyết", Code: "NQ", Number: "25", Year: 2013}, "Nghị quyết 25", "m:nq 25@2013"},
		{"43-KL/TW@2019", Ref{Kind: "Kết luận", Code: "KL", Number: "43", Symbol: "43-KL/TW", Year: 2019}, "43-KL/TW", "y:43-kl/tw@2019"},
		{"25-NQ/TW@2013-06-03", Ref{Kind: "Nghị quyết", Code: "NQ", Number: "25", Symbol: "25-NQ/TW", Year: 2013, Date: "2013-06-03"}, "25-NQ/TW@2013-06-03", "d:25-nq/tw@2013-06-03"},
		{"Nghị quyết số 25-NQ/TW", Ref{Kind: "Nghị quyết", Code: "NQ", Number: "25", Symbol: "25-NQ/TW"}, "25-NQ/TW", "s:25-nq/tw"},
		{"58KH/TU", Ref{Kind: "Kế hoạch", Code: "KH", Number: "58", Symbol: "58-KH/TU"}, "58-KH/TU", "s:58-kh/tu"},
		{"02-KH/BCĐ", Ref{Kind: "Kế hoạch", Code: "KH", Number: "02", Symbol: "02-KH/BCĐ"}, "02-KH/BCĐ", "s:2-kh/bcd"},
		{"33-ctr/tu", Ref{Kind: "Chương trình hành động", Code: "CTr", Number: "33", Symbol: "33-CTr/TU"}, "33-CTr/TU", "s:33-ctr/tu"},
		{"16/CT-TTg", Ref{Kind: "Chỉ thị", Code: "CT", Number: "16", Symbol: "16/CT-TTg"}, "16/CT-TTg", "s:16/ct-ttg"},
		{"15/2020/NĐ-CP", Ref{Kind: "Nghị định", Code: "NĐ", Number: "15", Symbol: "15/2020/NĐ-CP", Year: 2020}, "15/2020/NĐ-CP", "y:15/2020/nd-cp@2020"},
		{"1234/QĐ-UBND", Ref{Kind: "Quyết định", Code: "QĐ", Number: "1234", Symbol: "1234/QĐ-UBND"}, "1234/QĐ-UBND", "s:1234/qd-ubnd"},
		{"Luật: Tổ chức Quốc hội", Ref{Name: "Luật: Tổ chức Quốc hội"}, "Luật: Tổ chức Quốc hội", "i:luat: to chuc quoc hoi"},
	}
	for _, tt := range tests {
		got, err := ParseRef(tt.in)
		if err != nil {
			t.Errorf("ParseRef(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseRef(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if got.ID() != tt.id {
			t.Errorf("ParseRef(%q).ID() = %q, want %q", tt.in, got.ID(), tt.id)
		}
		if got.key() != tt.key {
			t.Errorf("ParseRef(%q).key() = %q, want %q", tt.in, got.key(), tt.key)
		}
	}
}

func TestParseRefErrors(t *testing.T) {
	for _, in := range []string{"", "  ", "62", "hello", "25-NQ/TW@", "25-NQ/TW@13", "25-NQ/TW@2013-6-3", "@2019"} {
		if r, err := ParseRef(in); err == nil {
			t.Errorf("ParseRef(%q) = %+v, want error", in, r)
		}
	}
}

func TestRefKeys(t *testing.T) {
	ref := &extract.Reference{
		ID: "25-NQ/TW@2013-06-03", Kind: "Nghị quyết", Number: "25",
		Symbol: "25-NQ/TW", Date: "2013-06-03",
	}
	want := []string{
		"i:25-nq/tw@2013-06-03", "s:25-nq/tw", "d:25-nq/tw@2013-06-03",
		"y:25-nq/tw@2013", "n:nq 25", "m:nq 25@2013",
	}
	if got := refKeys(ref); !slices.Equal(got, want) {
		t.Errorf("refKeys = %q, want %q", got, want)
	}
	// Every key a query builds for this reference is one of its keys,
	// and the keys of a different reference are not.
	for _, q := range []string{"25-NQ/TW", "25-NQ/TW@2013", "25-NQ/TW@2013-06-03", "Nghị quyết 25", "NQ 25@2013"} {
		r, _ := ParseRef(q)
		if !slices.Contains(want, r.key()) {
			t.Errorf("query %q key %q not indexed", q, r.key())
		}
	}
	for _, q := range []string{"25-NQ/TW@2008", "25-NQ/TW@2008-01-01", "25-KL/TW", "25-NQ/TU", "NQ 26", "KL 25"} {
		r, _ := ParseRef(q)
		if slices.Contains(want, r.key()) {
			t.Errorf("query %q key %q matches 25-NQ/TW of 2013", q, r.key())
		}
	}
}
