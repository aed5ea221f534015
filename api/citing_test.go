package api

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"vanban/extract"
	"vanban/index"
)

// pagingFixture holds 23 small plans citing 62-KL/TW: the multiples of 3
// review it, the others are based on it.
func pagingFixture(t *testing.T) (*fixture, []string, []string) {
	f := newFixture(t, Config{})
	var items []index.Item
	var reviewing []int
	for n := range 23 {
		doc, text, err := extract.Extract([]byte(smallPlan(n, n%3 == 0)))
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, index.Item{Doc: doc, Text: text})
		if n%3 == 0 {
			reviewing = append(reviewing, n)
		}
	}
	ids, err := f.idx.PutBatch(items)
	if err != nil {
		t.Fatal(err)
	}
	var rev []string
	for i, it := range items {
		r := it.Doc.References
		isReview := len(r) == 1 && r[0].Relation == extract.RelReviews
		if isReview != slices.Contains(reviewing, i) {
			t.Fatalf("plan %d: extracted references %+v", i, r)
		}
		if isReview {
			rev = append(rev, ids[i])
		}
	}
	all := slices.Clone(ids)
	slices.Sort(all)
	slices.Sort(rev)
	return f, all, rev
}

// Following next visits every citing document exactly once, at any page
// size, with the raw or the encoded reference.
func TestCitingPagingIsExhaustive(t *testing.T) {
	f, all, reviewing := pagingFixture(t)
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/api/v1/references/62-KL/TW/citing?limit=5", all},
		{"/api/v1/references/62-KL%2FTW/citing?limit=1", all},
		{"/api/v1/references/" + url.PathEscape("Kết luận số 62") + "/citing?limit=7", all},
		{"/api/v1/references/kl%2062/citing?limit=1000", all},
		{"/api/v1/references/KL-62/citing?relation=reviews&limit=2", reviewing},
		{"/api/v1/references/62-KL%2FTW%402009-12-08/citing?relation=basis&limit=4", diff(all, reviewing)},
	} {
		var got []string
		pages := 0
		for target := tc.path; target != ""; pages++ {
			page := decode[CitingResponse](t, f.get(t, target, 200))
			if int(page.Total) != len(tc.want) {
				t.Errorf("%s: total %d, want %d", tc.path, page.Total, len(tc.want))
			}
			for _, h := range page.Hits {
				got = append(got, h.ID)
				checkMentions(t, h)
			}
			if (page.Next == "") != (page.Links.Next == "") {
				t.Errorf("next %q but links.next %q", page.Next, page.Links.Next)
			}
			target = page.Links.Next
			if pages > 100 {
				t.Fatal("paging does not end")
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %d documents over %d pages, want %d (duplicates or gaps)", tc.path, len(got), pages, len(tc.want))
		}
	}
}

func diff(a, b []string) []string {
	return slices.DeleteFunc(slices.Clone(a), func(s string) bool { return slices.Contains(b, s) })
}

// checkMentions: every mention comes with its context.
func checkMentions(t *testing.T, h CitingHit) {
	t.Helper()
	if len(h.References) == 0 {
		t.Fatalf("hit %s without references", h.ID)
	}
	for _, r := range h.References {
		if r.Symbol != "62-KL/TW" || len(r.Mentions) == 0 {
			t.Errorf("reference %s with %d mentions", r.ID, len(r.Mentions))
		}
		for _, m := range r.Mentions {
			if m.Before == "" && m.After == "" || strings.Contains(m.Before+m.After, "\n") {
				t.Errorf("mention %q without context: %q|%q", m.Text, m.Before, m.After)
			}
		}
	}
}

// The 2008 Nghị quyết 25-NQ/TW is not the 2013 one.
func TestCitingKeepsSameSymbolsApart(t *testing.T) {
	f := newFixture(t, Config{}, "../corpus/ke-hoach-256-KH-TU-hai-phong-2023.txt")
	rec := f.postText(t, "/api/v1/documents", `TỈNH ĐOÀN NAM ĐỊNH
Số 12-KH/TĐTN
Nam Định, ngày 10 tháng 9 năm 2018

KẾ HOẠCH
sơ kết 10 năm thực hiện Nghị quyết số 25-NQ/TW, ngày 25/7/2008 của Ban Chấp hành Trung ương Đảng (khóa X) về tăng cường sự lãnh đạo của Đảng đối với công tác thanh niên

I. MỤC ĐÍCH, YÊU CẦU
Đánh giá kết quả 10 năm thực hiện Nghị quyết số 25-NQ/TW về công tác thanh niên.
`)
	if rec.Code != 201 {
		t.Fatal(rec.Code, rec.Body.String())
	}
	youth := decode[CreatedResponse](t, rec).ID
	haiPhong := f.ids["ke-hoach-256-KH-TU-hai-phong-2023.txt"]
	for _, tc := range []struct {
		ref  string
		want []string
	}{
		{"25-NQ%2FTW@2008", []string{youth}},
		{"25-NQ%2FTW@2008-07-25", []string{youth}},
		{"25-NQ%2FTW@2013", []string{haiPhong}},
		{"25-NQ%2FTW@2013-06-03", []string{haiPhong}},
		{"25-NQ%2FTW", sorted(youth, haiPhong)},
	} {
		page := decode[CitingResponse](t, f.get(t, "/api/v1/references/"+tc.ref+"/citing", 200))
		var got []string
		for _, h := range page.Hits {
			got = append(got, h.ID)
		}
		if slices.Sort(got); !slices.Equal(got, tc.want) {
			t.Errorf("citing %s: %v, want %v", tc.ref, got, tc.want)
		}
	}
}

func sorted(s ...string) []string {
	slices.Sort(s)
	return s
}
