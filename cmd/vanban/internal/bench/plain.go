package bench

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// plainBatch is the batch size of the baseline.
const plainBatch = 500

// measurePlain indexes the raw documents with plain bleve: default
// mapping, one text field, batches of 500.
func measurePlain(dir string, docs [][]byte, rep *Report) error {
	resetPeakRSS()
	start, cpu := time.Now(), cpuTime()
	bi, err := bleve.New(dir, bleve.NewIndexMapping())
	if err != nil {
		return err
	}
	b := bi.NewBatch()
	for i, d := range docs {
		if err := b.Index(strconv.Itoa(i), map[string]any{"text": string(d)}); err != nil {
			return err
		}
		if b.Size() == plainBatch {
			if err := bi.Batch(b); err != nil {
				return err
			}
			b = bi.NewBatch()
		}
	}
	if err := bi.Batch(b); err != nil {
		return err
	}
	rep.Plain.Elapsed, rep.Plain.CPU = time.Since(start), cpuTime()-cpu
	rep.Plain.PeakRSS = peakRSS()
	if err := bi.Close(); err != nil {
		return err
	}
	rep.Plain.IndexBytes = dirSize(dir)
	return nil
}

// resetPeakRSS resets the process's peak resident size (Linux; a no-op
// elsewhere).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS returns the process's peak resident size in bytes, -1 when
// unknown.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	_, rest, ok := bytes.Cut(b, []byte("VmHWM:"))
	if !ok {
		return -1
	}
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(string(line)), " kB"), 10, 64)
	if err != nil {
		return -1
	}
	return kb << 10
}

// Print writes the report with the goals of issue 3.
func (r *Report) Print(w io.Writer, clients int) {
	docsPerSec := float64(r.Ingest.Indexed) / r.Ingest.Elapsed.Seconds()
	plainPerSec := float64(r.Docs) / r.Plain.Elapsed.Seconds()
	sizeRatio := float64(r.IndexBytes) / float64(r.TextBytes)
	fmt.Fprintf(w, "\n%d documents, %.1f MB of text\n", r.Docs, mb(r.TextBytes))
	fmt.Fprintf(w, "%-34s %10s %10s\n", "", "vanban", "plain bleve")
	fmt.Fprintf(w, "%-34s %10.0f %10.0f\n", "docs/s (vanban: extract+index)", docsPerSec, plainPerSec)
	cpuRatio := 0.0
	if r.IngestCPU > 0 && r.Plain.CPU > 0 {
		cpuRatio = float64(r.Ingest.Indexed) / r.IngestCPU.Seconds() / (float64(r.Docs) / r.Plain.CPU.Seconds())
		fmt.Fprintf(w, "%-34s %10.0f %10.0f\n", "docs per CPU second", float64(r.Ingest.Indexed)/r.IngestCPU.Seconds(), float64(r.Docs)/r.Plain.CPU.Seconds())
	}
	fmt.Fprintf(w, "%-34s %10.2f %10.2f\n", "MB/s", mb(r.Ingest.Bytes)/r.Ingest.Elapsed.Seconds(), mb(r.TextBytes)/r.Plain.Elapsed.Seconds())
	fmt.Fprintf(w, "%-34s %10.2f %10.2f\n", "index size / text", sizeRatio, float64(r.Plain.IndexBytes)/float64(r.TextBytes))
	fmt.Fprintf(w, "%-34s %10.0f %10.0f\n", "peak RSS while indexing (MB)", mb(r.PeakRSS), mb(r.Plain.PeakRSS))
	fmt.Fprintf(w, "%-34s %10.1f\n", "compaction (s)", r.CompactTime.Seconds())
	fmt.Fprintf(w, "\n%-44s %-28s %s\n", "goal", "measured", "")
	goal(w, "extract+index ≥ 3× plain bleve docs/s", fmt.Sprintf("%.2f× (per CPU s: %.2f×)", docsPerSec/plainPerSec, cpuRatio), docsPerSec >= 3*plainPerSec)
	goal(w, "search p99 ≤ 20 ms, sequential", fmt.Sprintf("%.2f ms (p50 %.2f)", ms(r.Seq.P99), ms(r.Seq.P50)), r.Seq.P99 <= 20*time.Millisecond)
	goal(w, fmt.Sprintf("search p99 ≤ 100 ms, %d clients", clients), fmt.Sprintf("%.2f ms (p50 %.2f)", ms(r.Conc.P99), ms(r.Conc.P50)), r.Conc.P99 <= 100*time.Millisecond)
	goal(w, "citing p99 ≤ 10 ms", fmt.Sprintf("%.2f ms (p50 %.2f)", ms(r.Citing.P99), ms(r.Citing.P50)), r.Citing.P99 <= 10*time.Millisecond)
	goal(w, "index ≤ 1.5× text", fmt.Sprintf("%.2f×", sizeRatio), sizeRatio <= 1.5)
	goal(w, "recall of unaccented searches = 1.0", recallString(r.Unaccented), recallOf(r.Unaccented) == 1)
	goal(w, "recall of citing queries = 1.0", recallString(r.CitingRecall), recallOf(r.CitingRecall) == 1)
	printByTarget(w, "search, sequential", r.Seq)
	printRecalls(w, "recall, unaccented searches", r.Unaccented)
	printRecalls(w, "recall, citing queries", r.CitingRecall)
	printByTarget(w, "citing, sequential", r.Citing)
}

func goal(w io.Writer, what, got string, ok bool) {
	verdict := "met"
	if !ok {
		verdict = "NOT met"
	}
	fmt.Fprintf(w, "%-44s %-28s %s\n", what, got, verdict)
}

func recallString(rs []Recall) string {
	rel, found := 0, 0
	for _, r := range rs {
		rel, found = rel+r.Relevant, found+r.Found
	}
	return fmt.Sprintf("%.3f (%d of %d)", recallOf(rs), found, rel)
}

func printRecalls(w io.Writer, title string, rs []Recall) {
	fmt.Fprintf(w, "\n%s (found / relevant, extra):\n", title)
	for _, r := range rs {
		fmt.Fprintf(w, "  %6d / %-6d %6d  %s\n", r.Found, r.Relevant, r.Extra, r.Query)
	}
}
