package api

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearchParams: any query string is parsed into a request within the
// limits or refused with a 400; the server answers 200 exactly when
// ParseSearch accepts, never 5xx.
func FuzzSearchParams(f *testing.F) {
	for _, s := range []string{
		"q=ket+luan+62", "q=%22d%C3%A2n+v%E1%BA%ADn%22&section=organization", "page=-1", "size=101&page=2",
		"from=2023-02-30", "from=2024&to=2023", "cites=43-KL%2FTW%402019", "sort=-date&kind=k%E1%BA%BF+ho%E1%BA%A1ch",
		"q=%FF", "page=100&size=100", "q=-a+-b+%22", "issuer=t%E1%BB%89nh+%E1%BB%A7y&cites=kl+62",
	} {
		f.Add(s)
	}
	fx := newFixture(f, Config{}, corpusFiles(f)...)
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		sp, perr := ParseSearch(v)
		if perr != nil {
			if status, _ := statusOf(perr); status != 400 {
				t.Fatalf("%q: parse error maps to %d: %v", raw, status, perr)
			}
		} else {
			r := sp.Request
			if sp.Page < 1 || sp.Size < 1 || sp.Size > MaxPageSize || r.Offset+r.Limit > MaxResultWindow ||
				!utf8.ValidString(r.Query) || len(r.Query) > MaxQueryBytes {
				t.Fatalf("%q: accepted out of limits: %+v", raw, sp)
			}
		}
		rec := fx.do(t, req{target: "/api/v1/search?" + v.Encode()})
		if (rec.Code == 200) != (perr == nil) || rec.Code >= 500 {
			t.Fatalf("%q: status %d, parse error %v: %s", raw, rec.Code, perr, rec.Body.String())
		}
		if rec.Code != 200 {
			var e ErrorBody
			if json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Error.Code == "" {
				t.Fatalf("%q: error body %s", raw, rec.Body.String())
			}
		}
	})
}

// FuzzCitingRef: any reference in the path, raw or encoded, is a 200 page
// of documents that cite something, a 400 bad_ref or a 404, never 5xx.
func FuzzCitingRef(f *testing.F) {
	for _, s := range []string{"62-KL/TW", "Kết luận 62", "kl 62", "KL-62", "43-KL/TW@2019", "25-NQ/TW@2013-06-03",
		"16/CT-TTg", "Luật: Tổ chức Quốc hội", "@", "62@", "/", "%", "a b/citing"} {
		f.Add(s)
	}
	fx := newFixture(f, Config{}, corpusFiles(f)...)
	f.Fuzz(func(t *testing.T, ref string) {
		targets := []string{"/api/v1/references/" + url.PathEscape(ref) + "/citing"}
		if u, err := url.Parse("/api/v1/references/" + ref + "/citing"); err == nil && !strings.ContainsAny(ref, "?#") && u.Path != "" {
			targets = append(targets, u.EscapedPath())
		}
		for _, target := range targets {
			rec := fx.do(t, req{target: target})
			switch rec.Code {
			case 200:
				var page CitingResponse
				if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil {
					t.Fatalf("%q: %v", target, err)
				}
				for _, h := range page.Hits {
					if len(h.References) == 0 {
						t.Fatalf("%q: hit %s cites nothing matching", target, h.ID)
					}
				}
			case 400, 404:
				var e ErrorBody
				if json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Error.Code == "" {
					t.Fatalf("%q: error body %s", target, rec.Body.String())
				}
			default:
				t.Fatalf("%q: status %d: %s", target, rec.Code, rec.Body.String())
			}
		}
	})
}
