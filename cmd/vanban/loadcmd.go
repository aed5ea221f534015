package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// loadOptions tune `vanban load`.
type loadOptions struct {
	Base        string        // base URL of a running `vanban serve`, loopback only
	Duration    time.Duration // how long requests are started
	Clients     int           // concurrent clients
	IngestEvery int           // every Nth request of a client is a POST (0: none)
	Token       string        // bearer token for the POSTs
	Timeout     time.Duration // per-request limit
}

// loadKind is the summary of one kind of request.
type loadKind struct {
	Name     string
	N        int
	Errors   int
	P50, P99 time.Duration
}

// loadReport is what a load run measured.
type loadReport struct {
	Elapsed time.Duration
	N       int
	Errors  int
	Kinds   []loadKind
	Samples []string // the first errors, for the message
}

// RPS is the throughput over the run.
func (r *loadReport) RPS() float64 { return float64(r.N) / r.Elapsed.Seconds() }

// loadRequests is the read mix: searches with and without diacritics,
// "ket luan 62", filters and sorting, citing queries in every spelling,
// references and deadlines.
var loadRequests = []struct{ kind, target string }{
	{"search", "/api/v1/search?q=ket+luan+62"},
	{"search", "/api/v1/search?q=k%E1%BA%BFt+lu%E1%BA%ADn+62"},
	{"search", "/api/v1/search?q=dan+van&kind=k%E1%BA%BF+ho%E1%BA%A1ch"},
	{"search", "/api/v1/search?q=tong+ket+nghi+quyet+25&sort=-date"},
	{"search", "/api/v1/search?q=chu+thap+do&from=2015&to=2024"},
	{"search", "/api/v1/search?cites=43-KL%2FTW&sort=date"},
	{"search", "/api/v1/search?q=bao+cao&section=organization"},
	{"citing", "/api/v1/references/62-KL%2FTW/citing"},
	{"citing", "/api/v1/references/kl%2062/citing"},
	{"citing", "/api/v1/references/43-KL%2FTW/citing?relation=reviews"},
	{"citing", "/api/v1/references/25-NQ%2FTW/citing?limit=2"},
	{"references", "/api/v1/references?limit=20"},
	{"deadlines", "/api/v1/deadlines?from=2023-01-01&to=2023-12-31"},
	{"deadlines", "/api/v1/deadlines?from=2023-06-01&to=2023-08-31&format=ics"},
}

// runLoad implements `vanban load`: a bounded load test of a running
// server on loopback.
func runLoad(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	o := loadOptions{}
	fs.StringVar(&o.Base, "addr", "http://127.0.0.1:8080", "base URL of a running `vanban serve` (loopback only)")
	fs.DurationVar(&o.Duration, "duration", 20*time.Second, "how long to send requests (at most 10m)")
	fs.IntVar(&o.Clients, "clients", 8, "concurrent clients (at most 256)")
	fs.IntVar(&o.IngestEvery, "ingest-every", 10, "every Nth request of a client POSTs a small new document (0: reads only); the documents stay in the index")
	fs.StringVar(&o.Token, "token", os.Getenv("VANBAN_TOKEN"), "bearer token for the POSTs (default $VANBAN_TOKEN)")
	fs.DurationVar(&o.Timeout, "timeout", 30*time.Second, "per-request limit (a request over it is an error)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("load: unexpected argument %q", fs.Arg(0))
	}
	// SIGINT/SIGTERM stop the run early; it still reports.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(stdout, "load: %d clients for %s against %s (ingest every %d requests)\n", o.Clients, o.Duration, o.Base, o.IngestEvery)
	rep, err := loadRun(ctx, o)
	if err != nil {
		return err
	}
	printLoad(stdout, rep)
	if rep.Errors > 0 {
		return fmt.Errorf("load: %d errors, first: %s", rep.Errors, strings.Join(rep.Samples, "; "))
	}
	return nil
}

// checkLoopback refuses a base URL whose host is not a loopback address:
// the load generator is for one's own machine.
func checkLoopback(base string) (*url.URL, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("load: --addr: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("load: --addr %q: want http://127.0.0.1:PORT", base)
	}
	host := u.Hostname()
	if host == "localhost" {
		return u, nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("load: --addr %q: refusing a host that is not loopback (127.0.0.0/8, ::1, localhost)", base)
	}
	return u, nil
}

// loadRun sends requests from o.Clients clients until o.Duration has
// passed (or ctx ends), waits for those in flight, and summarises them.
func loadRun(ctx context.Context, o loadOptions) (*loadReport, error) {
	u, err := checkLoopback(o.Base)
	if err != nil {
		return nil, err
	}
	if o.Duration <= 0 || o.Duration > 10*time.Minute {
		return nil, fmt.Errorf("load: --duration %s: want more than 0 and at most 10m", o.Duration)
	}
	if o.Clients < 1 || o.Clients > 256 {
		return nil, fmt.Errorf("load: --clients %d: want 1 to 256", o.Clients)
	}
	if o.IngestEvery < 0 {
		return nil, fmt.Errorf("load: --ingest-every %d: want 0 or more", o.IngestEvery)
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	base := strings.TrimRight(u.String(), "/")
	tr := &http.Transport{MaxIdleConnsPerHost: o.Clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: o.Timeout}
	if err := loadProbe(ctx, client, base); err != nil {
		return nil, err
	}

	type sample struct {
		kind string
		d    time.Duration
		err  error
	}
	var (
		mu      sync.Mutex
		samples []sample
		wg      sync.WaitGroup
	)
	run := time.Now().UnixNano()
	stopAt := time.Now().Add(o.Duration)
	start := time.Now()
	for c := range o.Clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(run), uint64(c)))
			var local []sample
			for i := 0; time.Now().Before(stopAt) && ctx.Err() == nil; i++ {
				var kind string
				var req *http.Request
				if o.IngestEvery > 0 && i%o.IngestEvery == o.IngestEvery-1 {
					kind = "ingest"
					req, _ = http.NewRequest(http.MethodPost, base+"/api/v1/documents",
						strings.NewReader(loadDocument(run, c, i)))
					req.Header.Set("Content-Type", "text/plain; charset=utf-8")
					if o.Token != "" {
						req.Header.Set("Authorization", "Bearer "+o.Token)
					}
				} else {
					r := loadRequests[rng.IntN(len(loadRequests))]
					kind = r.kind
					req, _ = http.NewRequest(http.MethodGet, base+r.target, nil)
				}
				t0 := time.Now()
				err := loadDo(client, req)
				local = append(local, sample{kind, time.Since(t0), err})
			}
			mu.Lock()
			samples = append(samples, local...)
			mu.Unlock()
		})
	}
	wg.Wait()
	rep := &loadReport{Elapsed: time.Since(start)}
	byKind := map[string][]time.Duration{}
	errs := map[string]int{}
	for _, s := range samples {
		byKind[s.kind] = append(byKind[s.kind], s.d)
		rep.N++
		if s.err != nil {
			errs[s.kind]++
			rep.Errors++
			if len(rep.Samples) < 3 {
				rep.Samples = append(rep.Samples, s.kind+": "+s.err.Error())
			}
		}
	}
	for _, k := range []string{"search", "citing", "references", "deadlines", "ingest"} {
		ds := byKind[k]
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		rep.Kinds = append(rep.Kinds, loadKind{Name: k, N: len(ds), Errors: errs[k],
			P50: quantile(ds, 0.50), P99: quantile(ds, 0.99)})
	}
	return rep, nil
}

// loadProbe checks that the server answers before the clock starts.
func loadProbe(ctx context.Context, client *http.Client, base string) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/healthz", nil)
	if err := loadDo(client, req); err != nil {
		return fmt.Errorf("load: %s does not answer (is `vanban serve` running?): %w", base, err)
	}
	return nil
}

// loadDo sends a request and reads the whole answer; anything but 2xx is
// an error.
func loadDo(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %d %s", req.Method, req.URL.RequestURI(), resp.StatusCode, bytes200(b))
	}
	return nil
}

func bytes200(b []byte) string {
	if len(b) > 200 {
		b = b[:200]
	}
	return strings.TrimSpace(string(b))
}

// loadDocument is a small plan unique to one run, client and request.
func loadDocument(run int64, client, i int) string {
	return fmt.Sprintf(`TỈNH ỦY THỬ TẢI
Số %d-KH/TU
KẾ HOẠCH
thực hiện Kết luận số 62-KL/TW của Bộ Chính trị về công tác dân vận
Mã phiên tải loadrun%x khách %d yêu cầu %d.
I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt Kết luận số 62-KL/TW; báo cáo kết quả trước ngày 30/6/2027.
`, 1000+i%9000, uint64(run), client, i)
}

// quantile of sorted durations (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

// printLoad writes the summary: throughput, errors, p50/p99 per kind.
func printLoad(w io.Writer, r *loadReport) {
	fmt.Fprintf(w, "%d requests in %.1fs: %.1f requests/s, %d errors\n", r.N, r.Elapsed.Seconds(), r.RPS(), r.Errors)
	fmt.Fprintf(w, "%-11s %8s %8s %7s %10s %10s\n", "kind", "requests", "req/s", "errors", "p50 ms", "p99 ms")
	for _, k := range r.Kinds {
		fmt.Fprintf(w, "%-11s %8d %8.1f %7d %10.2f %10.2f\n", k.Name, k.N, float64(k.N)/r.Elapsed.Seconds(), k.Errors,
			float64(k.P50)/1e6, float64(k.P99)/1e6)
	}
}
