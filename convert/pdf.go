package convert

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
	"unicode"
)

// pdftotextCmd is the poppler command run on PDFs (a variable so tests
// can make it absent).
var pdftotextCmd = "pdftotext"

// pdfTimeout bounds one pdftotext run.
const pdfTimeout = 2 * time.Minute

func convertPDF(raw []byte, enc string) (Result, error) {
	bin, err := exec.LookPath(pdftotextCmd)
	if err != nil {
		return Result{}, fmt.Errorf("%w: install poppler-utils to read PDF files (%v)", ErrNoPdftotext, err)
	}
	f, err := os.CreateTemp("", "vanban-*.pdf")
	if err != nil {
		return Result{}, fmt.Errorf("%w: cannot write a temporary file for pdftotext: %v", ErrCorrupt, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	_, werr := f.Write(raw)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return Result{}, fmt.Errorf("%w: cannot write a temporary file for pdftotext: %v", ErrCorrupt, werr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "-layout", "-enc", "UTF-8", tmp, "-")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	msg := firstLine(stderr.String())
	if ctx.Err() != nil {
		return Result{}, fmt.Errorf("%w: pdftotext did not finish in %v", ErrCorrupt, pdfTimeout)
	}
	if runErr != nil {
		var exit *exec.ExitError
		code := -1
		if errors.As(runErr, &exit) {
			code = exit.ExitCode()
		}
		if code == 3 || strings.Contains(strings.ToLower(stderr.String()), "password") {
			return Result{}, fmt.Errorf("%w (pdftotext: %s)", ErrEncryptedPDF, msg)
		}
		return Result{}, fmt.Errorf("%w: pdftotext cannot read this PDF (exit %d: %s)", ErrCorrupt, code, msg)
	}
	text := pdfLines(stdout.String())
	if !hasLetter(text) {
		if strings.Contains(stderr.String(), "Error") {
			return Result{}, fmt.Errorf("%w: pdftotext found no text and reported: %s", ErrCorrupt, msg)
		}
		return Result{}, fmt.Errorf("%w: the PDF's pages are images; run OCR first", ErrScannedPDF)
	}
	force := ""
	if enc == EncTCVN3 || enc == EncVNI {
		force = enc
	}
	text, used := repairText(text, EncUTF8, force)
	return Result{Text: text, Encoding: used}, nil
}

// pdfLines turns pdftotext's output into lines: page breaks (form feeds)
// end lines, trailing spaces go, invalid UTF-8 is replaced.
func pdfLines(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\f", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return "no message"
	}
	return s
}
