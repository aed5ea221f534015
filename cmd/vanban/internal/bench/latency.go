package bench

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"time"

	"vanban/api"
	"vanban/index"
)

// Latency summarises request durations.
type Latency struct {
	N        int
	P50, P99 time.Duration
	Errors   int
	ByTarget map[string]time.Duration // median of each distinct request
}

func (l Latency) String() string {
	return fmt.Sprintf("p50 %.2f ms, p99 %.2f ms (%d requests, %d errors)", ms(l.P50), ms(l.P99), l.N, l.Errors)
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

// searches are the requests of the search measures: words with and
// without diacritics, a kind and number, phrases, filters, a section.
var searches = []string{
	"q=ket+luan+62", "q=d%C3%A2n+v%E1%BA%ADn", "q=tong+ket+nghi+quyet+25", "q=%22c%C3%B4ng+t%C3%A1c+d%C3%A2n+v%E1%BA%ADn%22",
	"q=mat+tran+to+quoc&kind=k%E1%BA%BF+ho%E1%BA%A1ch", "q=bao+cao&section=organization", "q=chu+thap+do&from=2015&to=2020",
	"cites=43-KL%2FTW&sort=-date", "q=thanh+nien+-doan", "q=cai+cach+hanh+chinh&issuer=t%E1%BB%89nh+%E1%BB%A7y",
	"q=quy+che+dan+chu+co+so&page=3", "q=so+ket+5+nam&sort=date",
}

// citings are the references of the citing measure.
var citings = []string{"62-KL/TW", "kl 43", "25-NQ/TW@2013-06-03", "43-CT/TW", "Nghị quyết 35", "30-CT/TW", "57-NQ/TW"}

// measureLatency times searches (sequential and concurrent) and citing
// queries through the API's handler (routing, JSON, no network).
func measureLatency(opt Options, idx *index.Index, rep *Report) error {
	h := api.New(idx, api.Config{}).Handler()
	var targets, citeTargets []string
	for i := range opt.Queries {
		targets = append(targets, "/api/v1/search?"+searches[i%len(searches)])
		citeTargets = append(citeTargets, "/api/v1/references/"+url.PathEscape(citings[i%len(citings)])+"/citing")
	}
	for _, t := range targets[:min(len(targets), 2*len(searches))] { // warm up caches
		get(h, t)
	}
	rep.Seq = run(h, targets, 1)
	logf(opt.Out, "search, sequential: %s", rep.Seq)
	rep.Conc = run(h, targets, opt.Clients)
	logf(opt.Out, "search, %d clients: %s", opt.Clients, rep.Conc)
	rep.Citing = run(h, citeTargets, 1)
	logf(opt.Out, "citing, sequential: %s", rep.Citing)
	if rep.Seq.Errors+rep.Conc.Errors+rep.Citing.Errors > 0 {
		return fmt.Errorf("bench: requests failed")
	}
	return nil
}

// run sends the targets from clients goroutines and returns the latency.
func run(h http.Handler, targets []string, clients int) Latency {
	durs := make([]time.Duration, len(targets))
	errs := make([]bool, len(targets))
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			for i := c; i < len(targets); i += clients {
				start := time.Now()
				errs[i] = get(h, targets[i]) != http.StatusOK
				durs[i] = time.Since(start)
			}
		})
	}
	wg.Wait()
	l := Latency{N: len(durs), ByTarget: medians(targets, durs)}
	slices.Sort(durs)
	for _, e := range errs {
		if e {
			l.Errors++
		}
	}
	if len(durs) > 0 {
		l.P50, l.P99 = durs[len(durs)/2], durs[min(len(durs)-1, len(durs)*99/100)]
	}
	return l
}

// medians returns the median duration of each distinct target.
func medians(targets []string, durs []time.Duration) map[string]time.Duration {
	by := map[string][]time.Duration{}
	for i, t := range targets {
		by[t] = append(by[t], durs[i])
	}
	out := map[string]time.Duration{}
	for t, ds := range by {
		slices.Sort(ds)
		out[t] = ds[len(ds)/2]
	}
	return out
}

// printByTarget lists the median of each request, slowest first.
func printByTarget(w io.Writer, title string, l Latency) {
	targets := slices.Collect(maps.Keys(l.ByTarget))
	slices.SortFunc(targets, func(a, b string) int { return cmp.Compare(l.ByTarget[b], l.ByTarget[a]) })
	fmt.Fprintf(w, "\n%s, median by request:\n", title)
	for _, t := range targets {
		u, err := url.PathUnescape(t)
		if err != nil {
			u = t
		}
		fmt.Fprintf(w, "  %8.2f ms  %s\n", ms(l.ByTarget[t]), u)
	}
}

func get(h http.Handler, target string) int {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	h.ServeHTTP(rec, req)
	return rec.Code
}
