package bench

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"

	"vanban/extract"
	"vanban/index"
)

// Recall is how many of the documents a query should find it finds, and
// how many it finds that it should not (Extra).
type Recall struct {
	Query                  string
	Relevant, Found, Extra int
}

// recallOf sums recalls: found / relevant over all queries.
func recallOf(rs []Recall) float64 {
	rel, found := 0, 0
	for _, r := range rs {
		rel, found = rel+r.Relevant, found+r.Found
	}
	if rel == 0 {
		return 0
	}
	return float64(found) / float64(rel)
}

// unaccentedQueries are typed without diacritics; a document is relevant
// when its folded words include every word of the query.
var unaccentedQueries = []string{"ket luan", "dan van", "mat tran to quoc", "cai cach hanh chinh", "quy che dan chu", "thanh nien", "to chuc thuc hien"}

// citingCases are citing queries with what the extracted references of a
// relevant document say, written independently of the index's matching.
var citingCases = []struct {
	ref  string
	want func(r *extract.Reference) bool
}{
	{"62-KL/TW", symbolIs("62-KL/TW", "")},
	{"43-KL/TW", symbolIs("43-KL/TW", "")},
	{"43-CT/TW", symbolIs("43-CT/TW", "")},
	{"25-NQ/TW@2013-06-03", symbolIs("25-NQ/TW", "2013-06-03")},
	{"kl 43", kindNumber("Kết luận", "43")},
	{"Nghị quyết 35", kindNumber("Nghị quyết", "35")},
}

func symbolIs(sym, date string) func(*extract.Reference) bool {
	return func(r *extract.Reference) bool {
		return string(r.Symbol) == sym && (date == "" || string(r.Date) == date)
	}
}

func kindNumber(kind, number string) func(*extract.Reference) bool {
	return func(r *extract.Reference) bool {
		return r.Kind == kind && strings.TrimLeft(string(r.Number), "0") == number
	}
}

// extracted is a generated document as the index holds it.
type extracted struct {
	id    string
	doc   *extract.Document
	words map[string]bool // folded words of the text
}

// measureRecall extracts the documents again (untimed) for the truth,
// then pages through every hit of each query.
func measureRecall(ctx context.Context, idx *index.Index, docs [][]byte, rep *Report) error {
	all := extractEach(docs)
	for _, q := range unaccentedQueries {
		var relevant []string
		for _, e := range all {
			if hasAll(e.words, strings.Fields(q)) {
				relevant = append(relevant, e.id)
			}
		}
		got, err := searchAll(ctx, idx, q)
		if err != nil {
			return err
		}
		rep.Unaccented = append(rep.Unaccented, recall(q, relevant, got))
	}
	for _, c := range citingCases {
		var relevant []string
		for _, e := range all {
			if slices.ContainsFunc(e.doc.References, c.want) {
				relevant = append(relevant, e.id)
			}
		}
		got, err := citingAll(ctx, idx, c.ref)
		if err != nil {
			return err
		}
		rep.CitingRecall = append(rep.CitingRecall, recall(c.ref, relevant, got))
	}
	return nil
}

func recall(q string, relevant []string, got map[string]bool) Recall {
	r := Recall{Query: q, Relevant: len(relevant)}
	for _, id := range relevant {
		if got[id] {
			r.Found++
		}
	}
	r.Extra = len(got) - r.Found
	return r
}

func hasAll(words map[string]bool, want []string) bool {
	for _, w := range want {
		if !words[w] {
			return false
		}
	}
	return true
}

// extractEach extracts every document on all cores.
func extractEach(docs [][]byte) []extracted {
	out := make([]extracted, len(docs))
	var wg sync.WaitGroup
	n := runtime.GOMAXPROCS(0)
	for w := range n {
		wg.Go(func() {
			for i := w; i < len(docs); i += n {
				doc, text, err := extract.Extract(docs[i])
				if err != nil {
					continue
				}
				out[i] = extracted{id: index.DocID(text), doc: doc, words: foldedWords(text)}
			}
		})
	}
	wg.Wait()
	return slices.DeleteFunc(out, func(e extracted) bool { return e.doc == nil })
}

// foldedWords splits the folded text into runs of letters and digits.
func foldedWords(text string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(extract.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		words[strings.ToLower(w)] = true
	}
	return words
}

// searchAll returns the ids of every hit of a query, page by page.
func searchAll(ctx context.Context, idx *index.Index, q string) (map[string]bool, error) {
	got := map[string]bool{}
	for offset := 0; ; offset += 100 {
		res, err := idx.Search(ctx, index.SearchRequest{Query: q, Offset: offset, Limit: 100, Sort: "date"})
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			got[h.ID] = true
		}
		if len(res.Hits) < 100 {
			return got, nil
		}
	}
}

// citingAll returns the ids of every document citing ref, following the
// cursor.
func citingAll(ctx context.Context, idx *index.Index, ref string) (map[string]bool, error) {
	got := map[string]bool{}
	cursor := ""
	for {
		page, err := idx.Citing(ctx, ref, "", cursor, 1000)
		if err != nil {
			return nil, fmt.Errorf("citing %s: %w", ref, err)
		}
		for _, h := range page.Hits {
			got[h.ID] = true
		}
		if cursor = page.Next; cursor == "" {
			return got, nil
		}
	}
}
