package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestCrashSafety: every document answered 201 survives a SIGKILL of
// `vanban serve` in the middle of an ingest, and the index reopens after
// it (a stale lock of a killed process does not block the next start).
// Four rounds of: start on the same data folder, check everything
// acknowledged so far, POST from two clients, kill after a random delay
// (VANBAN_CRASH_SEED repeats a run).
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary")
	}
	bin := sharedBinary(t)
	data := t.TempDir()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("VANBAN_CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (VANBAN_CRASH_SEED=%d repeats this run)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	var (
		mu      sync.Mutex
		acked   []ackedDoc // every 201 of every round
		checked int        // acked[:checked] were found after a restart
		next    atomic.Int64
		cut     atomic.Int64 // POSTs the kill cut off
	)
	for round := range 4 {
		logs := &syncBuffer{}
		cmd := serveCmd(bin, data)
		base := startServer(t, cmd, logs)
		checkAcked(t, base, acked[checked:], 5+len(acked))
		checked = len(acked)

		stop := make(chan struct{})
		var wg sync.WaitGroup
		client := &http.Client{Timeout: 10 * time.Second}
		for range 2 {
			wg.Go(func() {
				for {
					select {
					case <-stop:
						return
					default:
					}
					n := int(next.Add(1))
					m := marker("crashmk", n)
					status, id, err := postText(client, base, crashDocument(n, m))
					if err != nil {
						cut.Add(1)
						return // killed: not acknowledged
					}
					if status != http.StatusCreated {
						t.Errorf("round %d: POST %d: status %d", round, n, status)
						return
					}
					mu.Lock()
					acked = append(acked, ackedDoc{id, m})
					mu.Unlock()
				}
			})
		}
		delay := 150*time.Millisecond + time.Duration(rng.IntN(650))*time.Millisecond
		time.Sleep(delay)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		if _, ok := waitExit(cmd, 10*time.Second); !ok {
			t.Fatal("the killed server did not exit")
		}
		close(stop)
		wg.Wait()
		t.Logf("round %d: SIGKILL after %s, %d acknowledged so far, %d POSTs cut off", round, delay, len(acked), cut.Load())
		if t.Failed() {
			t.FailNow()
		}
	}
	if len(acked) == 0 {
		t.Fatal("no document was acknowledged: the test proved nothing")
	}

	// the last restart: everything acknowledged in every round is there,
	// then a clean stop
	logs := &syncBuffer{}
	cmd := serveCmd(bin, data)
	base := startServer(t, cmd, logs)
	checkAcked(t, base, acked, 5+len(acked))
	cmd.Process.Signal(syscall.SIGTERM)
	if err, ok := waitExit(cmd, 30*time.Second); !ok || err != nil {
		t.Fatalf("serve after the crashes: exit %v (exited: %v); log:\n%s", err, ok, logs)
	}
}

type ackedDoc struct{ id, marker string }

// crashDocument is a small plan holding marker.
func crashDocument(n int, marker string) string {
	return fmt.Sprintf("TỈNH ỦY THỬ NGHIỆM\nSố %d-KH/TU\nKẾ HOẠCH\nthực hiện Kết luận số 62-KL/TW về công tác dân vận\n"+
		"Nội dung %s.\nI. MỤC ĐÍCH, YÊU CẦU\n1. Báo cáo trước ngày 30/6/2027.\n", 100+n, marker)
}

// checkAcked checks that the server is healthy with at least min
// documents, and that each acknowledged document is found by its marker
// and by its id.
func checkAcked(t *testing.T, base string, docs []ackedDoc, atLeast int) {
	t.Helper()
	var health struct {
		Status    string
		Documents int
	}
	getJSON(t, base+"/healthz", &health)
	if health.Status != "ok" || health.Documents < atLeast {
		t.Fatalf("healthz: %+v, want ok and at least %d documents", health, atLeast)
	}
	for _, d := range docs {
		var res struct {
			Total int
			Hits  []struct{ ID string }
		}
		getJSON(t, base+"/api/v1/search?q="+url.QueryEscape(d.marker), &res)
		if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != d.id {
			t.Errorf("acknowledged %s (%s) not found by search: %+v", d.id, d.marker, res)
		}
		resp, err := http.Get(base + "/api/v1/documents/" + d.id)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("acknowledged %s: GET %d", d.id, resp.StatusCode)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

func decodeJSON(resp *http.Response, v any) error {
	return json.NewDecoder(resp.Body).Decode(v)
}
