package convert

import (
	"testing"
)

const benchDoc = "chuong-trinh-hanh-dong-13-CTr-TU-kien-giang-2021"

// BenchmarkDetect measures detection alone (the three candidate decodings
// and their scoring) on an 8-bit file, and the font repair check on UTF-8.
func BenchmarkDetect(b *testing.B) {
	for _, v := range []string{"tcvn3", "utf-8"} {
		raw := readFixture(b, benchDoc+"."+v+".txt")
		b.Run(v, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if v == "utf-8" {
					repairFonts(string(raw))
				} else {
					detectBytes(raw)
				}
			}
		})
	}
}

// BenchmarkDecode measures Convert on each text fixture: detection plus
// decoding, or the forced decoder alone.
func BenchmarkDecode(b *testing.B) {
	for _, v := range textVariants {
		raw := readFixture(b, benchDoc+"."+v.name+".txt")
		for _, forced := range []bool{false, true} {
			name, enc := v.name+"/detect", ""
			if forced {
				name, enc = v.name+"/forced", forcedEnc(v.name)
				if enc == "" {
					continue
				}
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(len(raw)))
				for b.Loop() {
					if _, err := Convert(raw, "a.txt", enc); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func forcedEnc(variant string) string {
	switch variant {
	case "utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3", "vni":
		return variant
	case "tcvn3-font":
		return "tcvn3"
	case "vni-font":
		return "vni"
	}
	return ""
}

func BenchmarkFormats(b *testing.B) {
	for _, ext := range []string{".docx", ".html", ".pdf"} {
		raw := readFixture(b, benchDoc+ext)
		b.Run(ext[1:], func(b *testing.B) {
			if ext == ".pdf" {
				needPdftotext(b)
			}
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := Convert(raw, "a"+ext, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
