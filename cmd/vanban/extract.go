package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"vanban/convert"
	"vanban/extract"
)

// runExtract implements `vanban extract [--text] FILE...`.
func runExtract(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	textOnly := fs.Bool("text", false, "print the normalised text instead of JSON")
	encoding := fs.String("encoding", "", "force the text encoding: utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni (default: detect)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		return fmt.Errorf("extract: no FILE given (use - for standard input)")
	}
	var docs []*extract.Document
	for _, f := range files {
		raw, err := readInput(f, stdin)
		if err != nil {
			return err
		}
		doc, text, err := extractFile(raw, f, *encoding)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if *textOnly {
			if _, err := io.WriteString(stdout, text+"\n"); err != nil {
				return err
			}
			continue
		}
		docs = append(docs, doc)
	}
	if *textOnly {
		return nil
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if len(docs) == 1 {
		return enc.Encode(docs[0])
	}
	return enc.Encode(docs)
}

// extractFile converts a file of any supported format and encoding to
// text, then extracts it; the document says what it was read from.
func extractFile(raw []byte, name, enc string) (*extract.Document, string, error) {
	if name == "-" {
		name = ""
	}
	res, err := convert.Convert(raw, name, enc)
	if err != nil {
		return nil, "", err
	}
	in := []byte(res.Text)
	if res.Format == convert.FormatTxt && res.Encoding == convert.EncUTF8 && !utf8.Valid(raw) {
		in = raw // UTF-8 with bad bytes: extract repairs them and says where
	}
	doc, text, err := extract.Extract(in)
	if err != nil {
		return nil, "", err
	}
	doc.Source = &extract.Source{Format: res.Format, Encoding: res.Encoding}
	return doc, text, nil
}

// readInput reads a file ("-" is stdin), refusing inputs over the limit
// without reading them whole.
func readInput(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	raw, err := io.ReadAll(io.LimitReader(r, extract.MaxInputSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(raw) > extract.MaxInputSize {
		return nil, fmt.Errorf("%s: %w", name, extract.ErrTooLarge)
	}
	return raw, nil
}
