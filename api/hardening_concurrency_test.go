package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestConcurrentReadsAndWrites drives one server from writers (POST, and
// DELETE of some of their own documents) and readers (search, citing,
// references, deadlines, documents) at once; run under -race it checks
// the handlers and the index share no unsynchronised state. Every read
// answers 200, every write 201/204, and the index ends with exactly the
// documents kept.
func TestConcurrentReadsAndWrites(t *testing.T) {
	f := newFixture(t, Config{}, corpusFiles(t)...)
	base := count(t, f)
	serve := func(method, target, body string) *httptest.ResponseRecorder {
		var r *http.Request
		if body != "" {
			r = httptest.NewRequest(method, target, strings.NewReader(body))
			r.Header.Set("Content-Type", "text/plain; charset=utf-8")
		} else {
			r = httptest.NewRequest(method, target, nil)
		}
		r.RemoteAddr = "127.0.0.1:40000"
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, r)
		return rec
	}
	const writers, perWriter = 3, 8
	var (
		wg, writersWG sync.WaitGroup
		kept          atomic.Int64
		reads         atomic.Int64
		done          = make(chan struct{})
		mu            sync.Mutex
		keptIDs       []string
	)
	for w := range writers {
		writersWG.Go(func() {
			for i := range perWriter {
				n := 1000 + w*100 + i
				rec := serve(http.MethodPost, "/api/v1/documents", smallPlan(n, i%2 == 0))
				if rec.Code != http.StatusCreated {
					t.Errorf("POST %d: %d %s", n, rec.Code, rec.Body.String())
					return
				}
				id := decodeCreated(t, rec)
				if i%4 == 3 {
					if rec := serve(http.MethodDelete, "/api/v1/documents/"+id, ""); rec.Code != http.StatusNoContent {
						t.Errorf("DELETE %s: %d %s", id, rec.Code, rec.Body.String())
					}
					continue
				}
				kept.Add(1)
				mu.Lock()
				keptIDs = append(keptIDs, id)
				mu.Unlock()
			}
		})
	}
	targets := []string{
		"/api/v1/search?q=ket+luan+62", "/api/v1/search?q=cong+tac+dan+van&sort=-date",
		"/api/v1/references/62-KL%2FTW/citing?limit=3", "/api/v1/references?limit=10",
		"/api/v1/deadlines?from=2015-01-01&to=2015-12-31", "/api/v1/search?cites=kl+62",
		"/healthz", "/api/v1/documents/" + f.ids["ke-hoach-123-KH-TU-tinh-uy-2014.txt"],
	}
	for r := range 4 {
		wg.Go(func() {
			for i := r; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				target := targets[i%len(targets)]
				if rec := serve(http.MethodGet, target, ""); rec.Code != http.StatusOK {
					t.Errorf("GET %s during writes: %d %s", target, rec.Code, rec.Body.String())
					return
				}
				reads.Add(1)
			}
		})
	}
	writersWG.Wait()
	close(done)
	wg.Wait()
	if t.Failed() {
		return
	}
	t.Logf("%d reads during %d writes", reads.Load(), writers*perWriter)
	if got, want := count(t, f), base+uint64(kept.Load()); got != want {
		t.Errorf("%d documents after the writes, want %d", got, want)
	}
	for _, id := range keptIDs {
		f.get(t, "/api/v1/documents/"+id, http.StatusOK)
	}
}

func decodeCreated(t *testing.T, rec *httptest.ResponseRecorder) string {
	var c struct{ ID string }
	if err := json.Unmarshal(rec.Body.Bytes(), &c); err != nil || c.ID == "" {
		t.Errorf("201 body %q: %v", truncate(rec.Body.String(), 200), err)
	}
	return c.ID
}
