package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"

	"github.com/gin-gonic/gin"

	"vanban/index"
)

// Deadline is one deadline occurrence with its document.
type Deadline struct {
	DocID       string `json:"doc_id"`
	Symbol      string `json:"symbol"`
	Issuer      string `json:"issuer"`
	Title       string `json:"title"`
	Section     string `json:"section"`
	Start       string `json:"start"`
	End         string `json:"end"`
	Precision   string `json:"precision"`
	Text        string `json:"text"`
	Responsible string `json:"responsible"`
	Task        string `json:"task"`
	Span        [2]int `json:"span"`
}

// DeadlinesResponse is the JSON body of GET /api/v1/deadlines.
type DeadlinesResponse struct {
	Total     int        `json:"total"`
	Deadlines []Deadline `json:"deadlines"`
}

// handleDeadlines: GET /api/v1/deadlines?from=&to=&responsible=&q=&format=json|csv|ics
// — every deadline overlapping from..to, by start date, as JSON, CSV or
// an iCalendar feed of all-day events.
func (s *Server) handleDeadlines(c *gin.Context) {
	dp, err := ParseDeadlines(c.Request.URL.Query())
	if err != nil {
		s.fail(c, err)
		return
	}
	var hits []index.DeadlineHit
	err = s.timed(c, func(ctx context.Context) (err error) {
		hits, err = s.idx.Deadlines(ctx, dp.From, dp.To, dp.Responsible, dp.Query)
		return err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	dls := flatten(hits)
	switch dp.Format {
	case "csv":
		c.Header("Content-Disposition", `attachment; filename="deadlines.csv"`)
		c.Data(http.StatusOK, "text/csv; charset=utf-8", deadlinesCSV(dls))
	case "ics":
		c.Header("Content-Disposition", `attachment; filename="deadlines.ics"`)
		c.Data(http.StatusOK, "text/calendar; charset=utf-8", deadlinesICS(dls, s.cfg.Now()))
	default:
		c.PureJSON(http.StatusOK, DeadlinesResponse{len(dls), dls})
	}
}

func flatten(hits []index.DeadlineHit) []Deadline {
	out := make([]Deadline, 0, len(hits))
	for _, h := range hits {
		d := h.Deadline
		out = append(out, Deadline{
			DocID: h.DocID, Symbol: h.Symbol, Issuer: h.Issuer, Title: h.Title,
			Section: string(d.Section), Start: d.Start, End: d.End, Precision: d.Precision,
			Text: d.Text, Responsible: string(d.Responsible), Task: string(d.Task), Span: d.Span,
		})
	}
	return out
}

// csvHeader names the CSV columns.
var csvHeader = []string{"start", "end", "precision", "text", "responsible", "task", "section", "doc_id", "symbol", "issuer", "title"}

// deadlinesCSV writes RFC 4180 CSV with a header row.
func deadlinesCSV(dls []Deadline) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.Write(csvHeader)
	for _, d := range dls {
		w.Write([]string{d.Start, d.End, d.Precision, d.Text, d.Responsible, d.Task, d.Section, d.DocID, d.Symbol, d.Issuer, d.Title})
	}
	w.Flush()
	return b.Bytes()
}
