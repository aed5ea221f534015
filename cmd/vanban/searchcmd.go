package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"vanban/api"
)

// runSearch implements `vanban search [flags] QUERY...`: the search API's
// results in the terminal, read from the index in --data, or from a
// running server with --server.
func runSearch(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	data := fs.String("data", "data", "data directory; the index is DIR/index")
	server := fs.String("server", "", "URL of a running `vanban serve` to ask instead (http://127.0.0.1:8080)")
	asJSON := fs.Bool("json", false, "print the JSON response")
	v := url.Values{}
	for _, p := range []struct{ name, usage string }{
		{"cites", "only documents citing this reference (62-KL/TW, \"kl 62\", 43-KL/TW@2019)"},
		{"kind", "document kind (Kế hoạch)"}, {"issuer", "words of the issuer"},
		{"from", "issued on or after (YYYY[-MM[-DD]])"}, {"to", "issued on or before"},
		{"section", "match only in sections of this kind (organization, timeline, …)"},
		{"sort", "score, date or -date"}, {"page", "page number"}, {"size", "hits per page"},
	} {
		fs.Func(p.name, p.usage, func(s string) error { v.Set(p.name, s); return nil })
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if q := strings.Join(fs.Args(), " "); q != "" {
		v.Set("q", q)
	}
	sp, err := api.ParseSearch(v)
	if err != nil {
		return err
	}
	var res *api.SearchResponse
	if *server != "" {
		res, err = searchRemote(*server, v)
	} else {
		res, err = searchLocal(*data, sp)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	printResults(stdout, res, isTerminal(stdout))
	return nil
}

func searchLocal(data string, sp api.SearchParams) (*api.SearchResponse, error) {
	if _, err := os.Stat(indexDir(data)); err != nil {
		return nil, fmt.Errorf("no index in %s (run `vanban index` or `vanban serve` first): %w", data, err)
	}
	idx, err := openIndex(data)
	if err != nil {
		return nil, err
	}
	defer idx.Close()
	ctx, cancel := context.WithTimeout(context.Background(), api.DefaultSearchTimeout)
	defer cancel()
	r, err := idx.Search(ctx, sp.Request)
	if err != nil {
		return nil, err
	}
	return &api.SearchResponse{Total: r.Total, Page: sp.Page, Size: sp.Size, Approximate: r.Approximate, Hits: r.Hits, Facets: r.Facets}, nil
}

func searchRemote(server string, v url.Values) (*api.SearchResponse, error) {
	c := &http.Client{Timeout: api.DefaultSearchTimeout + 5*time.Second}
	resp, err := c.Get(strings.TrimRight(server, "/") + "/api/v1/search?" + v.Encode())
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var e api.ErrorBody
		json.NewDecoder(resp.Body).Decode(&e)
		return nil, fmt.Errorf("%s: %s (%s)", resp.Status, e.Error.Message, e.Error.Code)
	}
	res := new(api.SearchResponse)
	return res, json.NewDecoder(resp.Body).Decode(res)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// printResults writes the hits, their snippets (matches in bold on a
// terminal, «in guillemets» elsewhere) and the facets.
func printResults(w io.Writer, res *api.SearchResponse, tty bool) {
	op, cl := "«", "»"
	if tty {
		op, cl = "\x1b[1m", "\x1b[0m"
	}
	about := ""
	if res.Approximate {
		about = "about "
	}
	fmt.Fprintf(w, "%s%d documents match; page %d\n", about, res.Total, res.Page)
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\n%2d. %s · %s · %s · %s   [%s, score %.2f]\n", (res.Page-1)*res.Size+i+1,
			orDash(h.Symbol), orDash(h.Kind), orDash(h.Issuer), orDash(h.Date), h.ID, h.Score)
		if h.Title != "" {
			fmt.Fprintf(w, "    %s\n", oneLine(h.Title, 200))
		}
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "    … %s …\n", marked(s.Text, s.Marks, op, cl))
		}
	}
	for _, name := range []string{"kind", "issuer", "year", "cited"} {
		var parts []string
		for _, f := range res.Facets[name] {
			parts = append(parts, fmt.Sprintf("%s (%d)", f.Term, f.Count))
		}
		if len(parts) > 0 {
			fmt.Fprintf(w, "\n%s: %s", name, strings.Join(parts[:min(len(parts), 6)], ", "))
		}
	}
	fmt.Fprintln(w)
}

func marked(text string, marks [][2]int, open, close string) string {
	var b strings.Builder
	at := 0
	for _, m := range marks {
		if m[0] < at || m[1] > len(text) {
			continue
		}
		b.WriteString(text[at:m[0]] + open + text[m[0]:m[1]] + close)
		at = m[1]
	}
	b.WriteString(text[at:])
	return oneLine(b.String(), 1000)
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		i := max
		for i > 0 && s[i]&0xC0 == 0x80 {
			i--
		}
		s = s[:i] + "…"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
