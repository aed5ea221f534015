package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"

	"vanban/index"
)

// maxDeadlineRows bounds each table and the timeline of the deadlines page.
const maxDeadlineRows = 500

// deadlinesPage is the data of the deadlines template.
type deadlinesPage struct {
	From, To, Responsible string // the filters
	Err                   string
	Today                 string // ISO date
	Total                 int
	Upcoming, Past        []deadlineRow // upcoming soonest first, past latest first
	UpcomingMore          int           // rows left out of the tables
	PastMore              int
	Months                []monthRow
	ICS, CSV              string // API links with the same filters
}

// deadlineRow is one deadline with the anchor of its mark in the text.
type deadlineRow struct {
	index.DeadlineHit
	Anchor string
	Past   bool
}

// monthRow is one month of the timeline.
type monthRow struct {
	Month string // "2014-10"
	Items []deadlineRow
	Past  bool
}

// deadlines serves GET /deadlines?from=&to=&responsible=: the deadlines of
// the whole corpus overlapping from..to whose responsible body has the
// words given, as two tables (upcoming, then past) and a month timeline,
// with links to the API's .ics and .csv downloads of the same filters.
func (s *server) deadlines(w http.ResponseWriter, r *http.Request) {
	var p deadlinesPage
	err := params(r, map[string]*string{"from": &p.From, "to": &p.To, "responsible": &p.Responsible})
	p.Today = s.opts.Now().Format("2006-01-02")
	p.ICS, p.CSV = p.download("ics"), p.download("csv")
	if err == nil {
		ctx, cancel := s.readCtx(r)
		defer cancel()
		var hits []index.DeadlineHit
		if hits, err = s.idx.Deadlines(ctx, p.From, p.To, p.Responsible, ""); err == nil {
			p.fill(hits)
		}
	}
	status := http.StatusOK
	if err != nil {
		status, p.Err = s.statusOf(r, err)
	}
	s.render(w, status, "deadlines", view{Title: "Thời hạn", Nav: "deadlines", Data: p})
}

// download is the URL of the API's deadlines in a format, same filters.
func (p deadlinesPage) download(format string) string {
	v := url.Values{"format": {format}}
	for k, s := range map[string]string{"from": p.From, "to": p.To, "responsible": p.Responsible} {
		if s != "" {
			v.Set(k, s)
		}
	}
	return "/api/v1/deadlines?" + v.Encode()
}

// fill splits the hits (by start date) into upcoming and past and groups
// them by month of their start.
func (p *deadlinesPage) fill(hits []index.DeadlineHit) {
	p.Total = len(hits)
	var rows []deadlineRow
	for _, h := range hits {
		if h.Deadline == nil {
			continue
		}
		end := cmp.Or(h.Deadline.End, h.Deadline.Start)
		row := deadlineRow{DeadlineHit: h, Anchor: deadlineAnchor(h.Deadline.Span), Past: end < p.Today}
		rows = append(rows, row)
		if row.Past {
			p.Past = append(p.Past, row)
		} else {
			p.Upcoming = append(p.Upcoming, row)
		}
	}
	slices.Reverse(p.Past)
	p.Upcoming, p.UpcomingMore = cut(p.Upcoming)
	p.Past, p.PastMore = cut(p.Past)
	rows, _ = cut(rows)
	p.Months = months(rows, p.Today)
}

// cut keeps the first maxDeadlineRows rows and tells how many it left out.
func cut(rows []deadlineRow) ([]deadlineRow, int) {
	if len(rows) <= maxDeadlineRows {
		return rows, 0
	}
	return rows[:maxDeadlineRows], len(rows) - maxDeadlineRows
}

// months groups rows sorted by start into months.
func months(rows []deadlineRow, today string) []monthRow {
	var out []monthRow
	for _, r := range rows {
		m := r.Deadline.Start[:min(7, len(r.Deadline.Start))]
		if n := len(out); n > 0 && out[n-1].Month == m {
			out[n-1].Items = append(out[n-1].Items, r)
			continue
		}
		out = append(out, monthRow{Month: m, Items: []deadlineRow{r}, Past: m < today[:7]})
	}
	return out
}
