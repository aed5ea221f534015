package extract

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// refGroup is one cited document: the mentions that name it.
type refGroup struct {
	kind     *kindInfo
	key      string // symbol key, "law:NAME" or "short:KIND NUMBER"
	symbol   string
	number   string
	name     string
	mentions []*mention
	last     int         // start of the latest mention grouped so far
	distinct []*mention  // mentions with distinct date/year/term
	sigs     []signature // their signatures (a few: a slice beats a map)
}

// signature is what tells two documents with one symbol apart.
type signature struct {
	date, year int
	term       string
}

// congresses are the start dates of the party's central committee
// terms: a /TW document dated inside a term belongs to it.
var congresses = []struct {
	term  string
	start string
}{
	{"VI", "1986-12-15"}, {"VII", "1991-06-24"}, {"VIII", "1996-06-28"},
	{"IX", "2001-04-19"}, {"X", "2006-04-18"}, {"XI", "2011-01-12"},
	{"XII", "2016-01-20"}, {"XIII", "2021-01-25"}, {"XIV", "2026-01-19"},
}

func termOfDate(iso string) string {
	t := ""
	for _, c := range congresses {
		if iso >= c.start {
			t = c.term
		}
	}
	return t
}

func isPartyCentral(sym string) bool {
	return strings.HasSuffix(strings.ToUpper(sym), "/TW")
}

// effectiveTerm is the term a mention implies: from its date for a
// central party document, else as written.
func (m *mention) effectiveTerm() string {
	if m.hasDate && m.date.y != 0 && isPartyCentral(m.sym.symbol) {
		return termOfDate(m.date.startISO())
	}
	return m.term
}

// lawYear is the year a mention dates its document by: the year written
// after a name ("năm 2000") or that of a full date ("ngày 30 tháng 3 năm
// 2021"), so a law of 2021 cited with its full date is not merged with
// the same-name law of 2000.
func (m *mention) lawYear() int {
	if m.hasDate {
		return m.date.y
	}
	return m.year
}

func daysApart(a, b dateExpr) int {
	ta := time.Date(a.y, time.Month(a.m), a.d, 0, 0, 0, 0, time.UTC)
	tb := time.Date(b.y, time.Month(b.m), b.d, 0, 0, 0, 0, time.UTC)
	d := ta.Sub(tb).Hours() / 24
	if d < 0 {
		d = -d
	}
	return int(d)
}

// compatible reports whether mention m may name the document of g. Only
// mentions with a distinct date, year or term are compared, so a symbol
// cited thousands of times stays cheap.
func (g *refGroup) compatible(m *mention) bool {
	for _, o := range g.distinct {
		if y1, y2 := m.lawYear(), o.lawYear(); g.symbol == "" && y1 != 0 && y2 != 0 && y1 != y2 {
			return false // "Bộ luật Lao động năm 2019" is not the 2012 one
		}
		if m.hasDate && o.hasDate {
			if daysApart(m.date, o.date) > 31 {
				return false
			}
			continue
		}
		if t1, t2 := m.effectiveTerm(), o.effectiveTerm(); t1 != "" && t2 != "" && t1 != t2 {
			return false
		}
	}
	return true
}

func (g *refGroup) add(m *mention) {
	g.mentions = append(g.mentions, m)
	if m.hasDate || m.year != 0 || m.term != "" {
		sig := signature{m.date.y*10000 + m.date.m*100 + m.date.d, m.year, m.effectiveTerm()}
		if !slices.Contains(g.sigs, sig) {
			g.sigs = append(g.sigs, sig)
			g.distinct = append(g.distinct, m)
		}
	}
	m.ref = g
	if m.start > g.last {
		g.last = m.start
	}
}

// resolve groups full mentions into documents, then binds short forms
// and aliases to them. ownKey is the document's own symbol key: mentions
// of it are dropped. Unbound short forms become their own groups and get
// a diagnostic.
func resolve(text string, ms []*mention, ownKey string) ([]*refGroup, []Diagnostic) {
	var groups []*refGroup
	byKey := map[string][]*refGroup{}
	for _, m := range ms {
		if m.short {
			continue
		}
		key := fullKey(m)
		if key == ownKey && ownKey != "" {
			continue
		}
		var best *refGroup
		for _, g := range byKey[key] {
			if g.compatible(m) && (best == nil || g.last > best.last) {
				best = g
			}
		}
		if best == nil {
			best = &refGroup{kind: m.kind, key: key, symbol: m.sym.symbol, number: m.sym.number, name: m.name}
			groups = append(groups, best)
			byKey[key] = append(byKey[key], best)
		}
		best.add(m)
	}
	groups = bindYearless(groups)
	groups = bindNamedLaws(text, groups)
	diags := bindShortForms(text, ms, &groups, ownKey)
	bindBareAliases(text, ms)
	return groups, diags
}

// bindYearless merges a state symbol cited without its year ("Chỉ thị
// 14/CT-TTg") into the one document cited with that number, a year and
// that code ("14/1998/CT-TTg"). With no such document, or two, it stays a
// document of its own.
func bindYearless(groups []*refGroup) []*refGroup {
	return mergeGroups(groups, func(g *refGroup) *refGroup { return yearlessTarget(groups, g) })
}

// mergeGroups moves the mentions of each group into the group target
// returns for it (when not nil) and drops the groups so emptied.
func mergeGroups(groups []*refGroup, target func(g *refGroup) *refGroup) []*refGroup {
	var merged []*refGroup
	for _, g := range groups {
		t := target(g)
		if t == nil {
			continue
		}
		for _, m := range g.mentions {
			t.add(m)
		}
		sort.Slice(t.mentions, func(i, j int) bool { return t.mentions[i].start < t.mentions[j].start })
		merged = append(merged, g)
	}
	if merged == nil {
		return groups
	}
	return slices.DeleteFunc(groups, func(g *refGroup) bool { return slices.Contains(merged, g) })
}

// bindNamedLaws merges a law cited by name, with or without its year
// ("Luật Ngân sách nhà nước năm 2015", "Luật Ngân sách nhà nước"), into the
// one law cited with a number written with that name ("Luật Ngân sách nhà
// nước số 83/2015/QH13"), of that year when one is written. A same-name
// law of another year stays its own document, and so does a name that two
// numbered laws share.
func bindNamedLaws(text string, groups []*refGroup) []*refGroup {
	return mergeGroups(groups, func(g *refGroup) *refGroup {
		if g.symbol != "" || g.name == "" || len(g.mentions) == 0 {
			return nil
		}
		if y, ok := namedLawYear(g); ok {
			return namedLawTarget(text, groups, g, y)
		}
		return nil
	})
}

// namedLawYear returns the one year the mentions of g write (0 for none);
// false when they write two.
func namedLawYear(g *refGroup) (int, bool) {
	y := 0
	for _, m := range g.mentions {
		switch my := m.lawYear(); {
		case my == 0 || my == y:
		case y == 0:
			y = my
		default:
			return 0, false
		}
	}
	return y, true
}

// namedLawTarget finds the numbered law (of year y unless 0) that group g
// names by name (see bindNamedLaws), or nil.
func namedLawTarget(text string, groups []*refGroup, g *refGroup, y int) *refGroup {
	var found *refGroup
	for _, t := range groups {
		if t.symbol == "" || t.kind != g.kind || len(t.mentions) == 0 {
			continue
		}
		m := t.mentions[0]
		e := m.start + len(g.name)
		if y != 0 && m.year != y || e > m.sym.start || !namedBefore(text[e:m.sym.start]) || foldString(text[m.start:e]) != foldString(g.name) {
			continue
		}
		if found != nil {
			return nil
		}
		found = t
	}
	return found
}

// namedBefore reports whether s, between a law's name and its number, is
// only " số" (with a colon or spaces).
func namedBefore(s string) bool {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ":"))
	return s == "số"
}

// yearlessTarget finds the document a year-less state symbol names (see
// bindYearless), or nil.
func yearlessTarget(groups []*refGroup, g *refGroup) *refGroup {
	num, code, ok := strings.Cut(g.symbol, "/")
	if !ok || num == "" || !isDigit(num[0]) || strings.IndexByte(num, '-') >= 0 ||
		strings.IndexByte(code, '/') >= 0 || strings.IndexByte(code, '-') < 0 {
		return nil
	}
	var found *refGroup
	for _, t := range groups {
		n, rest, _ := strings.Cut(t.symbol, "/")
		y, c, ok := strings.Cut(rest, "/")
		if t == g || !ok || n != num || len(y) != 4 || !isDigit(y[0]) || !strings.EqualFold(c, code) {
			continue
		}
		if found != nil || t.kind != g.kind {
			return nil
		}
		found = t
	}
	if found == nil {
		return nil
	}
	for _, m := range g.mentions {
		if !found.compatible(m) {
			return nil
		}
	}
	return found
}

func fullKey(m *mention) string {
	if m.sym.symbol != "" {
		return symbolKey(m.sym.symbol)
	}
	return "law:" + foldString(m.name)
}

// bindShortForms resolves each short form: to the document its declared
// alias names, else to the nearest earlier document of the same kind and
// number, else to the first later one; else it stays unresolved.
func bindShortForms(text string, ms []*mention, groups *[]*refGroup, ownKey string) []Diagnostic {
	var diags []Diagnostic
	alias := map[string]*refGroup{}
	unresolved := map[string]*refGroup{}
	var prevFull *mention
	for _, m := range ms {
		if !m.short {
			if m.ref != nil {
				prevFull = m
			}
			continue
		}
		sk := m.kind.name + " " + strings.TrimLeft(m.sym.number, "0")
		if prevFull != nil && declaresAlias(text, prevFull, m) {
			target := nearestGroup(*groups, m)
			if target == nil {
				target = prevFull.ref
			}
			alias[sk] = target
			m.alias = true
			target.add(m)
			continue
		}
		if g := alias[sk]; g != nil {
			g.add(m)
			continue
		}
		if g := nearestGroup(*groups, m); g != nil {
			g.add(m)
			continue
		}
		if ownKey != "" && ownShort(ownKey, m) || programmeName(m) {
			continue
		}
		g := unresolved[sk]
		if g == nil {
			g = &refGroup{kind: m.kind, key: "short:" + sk, number: m.sym.number}
			unresolved[sk] = g
			*groups = append(*groups, g)
		}
		g.add(m)
		diags = append(diags, Diagnostic{Code: "unresolved_reference",
			Message: "short form \"" + text[m.start:m.end] + "\" names no document cited in full",
			Span:    Span{m.start, m.end}})
	}
	return diags
}

// programmeName reports whether an unbound short form is the name of a
// programme or scheme ("Đề án 06", "Chương trình 135"): a number written
// without "số" after one of those kinds names it, and no document with
// that number is cited in full. It is a named reference (findNamed).
func programmeName(m *mention) bool {
	return !m.sym.hasSo && (m.kind.name == "Đề án" || m.kind.name == "Chương trình")
}

// ownShort reports whether a short form names the document itself.
func ownShort(ownKey string, m *mention) bool {
	return strings.HasPrefix(ownKey, strings.TrimLeft(m.sym.number, "0")+"-") && codeFitsKind(m.kind, ownCode(ownKey))
}

func ownCode(key string) string {
	i := strings.IndexByte(key, '-')
	j := strings.IndexByte(key, '/')
	if i < 0 || j < i {
		return ""
	}
	return key[i+1 : j]
}

// declaresAlias reports whether short form m is an alias declared for the
// full mention p: "(sau đây gọi tắt là Nghị quyết 25)", "(Kết luận số 43)".
func declaresAlias(text string, p, m *mention) bool {
	if m.start < p.end || m.start-p.tailEnd > 600 {
		return false
	}
	j := strings.LastIndexByte(text[:m.start], '(')
	if j < p.end || strings.ContainsAny(text[j:m.start], ")\n") {
		return false
	}
	between := foldString(text[j+1 : m.start])
	between = strings.TrimSpace(between)
	if between == "" {
		return true
	}
	return strings.Contains(between, "goi tat") || strings.Contains(between, "viet tat") ||
		strings.Contains(between, "goi la") || strings.Contains(between, "goi chung la")
}

// nearestGroup finds the document a short form names: same number and a
// kind that fits, the nearest earlier mention first.
func nearestGroup(groups []*refGroup, m *mention) *refGroup {
	var before, after *refGroup
	bpos, apos := -1, 1<<62
	num := strings.TrimLeft(m.sym.number, "0")
	for _, g := range groups {
		if g.symbol == "" || strings.TrimLeft(g.number, "0") != num || !shortFits(m.kind, g) {
			continue
		}
		for _, o := range g.mentions {
			if o.short {
				continue
			}
			if o.start < m.start && o.start > bpos {
				before, bpos = g, o.start
			}
			if o.start > m.start && o.start < apos {
				after, apos = g, o.start
			}
		}
	}
	if before != nil {
		return before
	}
	return after
}

func shortFits(k *kindInfo, g *refGroup) bool {
	if k == g.kind || strings.HasPrefix(g.kind.name, k.name) {
		return true
	}
	code := symbolCode(g.symbol)
	for _, c := range k.codes {
		if c != "" && strings.EqualFold(c, code) {
			return true
		}
	}
	return false
}

// symbolCode returns the type code of a canonical symbol.
func symbolCode(sym string) string {
	if i := strings.IndexByte(sym, '-'); i > 0 && strings.IndexByte(sym, '/') > i {
		return sym[i+1 : strings.IndexByte(sym, '/')]
	}
	parts := strings.Split(sym, "/")
	last := parts[len(parts)-1]
	if i := strings.IndexByte(last, '-'); i > 0 {
		return last[:i]
	}
	return last
}

// relationRank orders relations: the most telling one of a document's
// mentions is the document's relation.
var relationRank = map[string]int{
	RelReviews: 8, RelReplaces: 7, RelAmends: 6, RelContinues: 5,
	RelBasis: 4, RelImplements: 3, RelAttachedTo: 2, RelCites: 1,
}

// toReference builds the output reference of a group.
func (g *refGroup) toReference(text string, secOf func(int) string) *Reference {
	sort.SliceStable(g.mentions, func(i, j int) bool { return g.mentions[i].start < g.mentions[j].start })
	r := &Reference{Kind: g.kind.name, Number: Str(g.number), Symbol: Str(g.symbol), Name: Str(lawName(g))}
	best := g.richest()
	if best != nil {
		if best.hasDate {
			r.Date = Str(best.date.startISO())
		} else if best.year != 0 && g.symbol == "" {
			r.Date = Str(itoa(best.year)) // a law cited by name and year
		}
		r.Issuer = Str(normalizeIssuer(best.issuer))
	}
	r.Term = Str(g.term())
	r.Relation = RelCites
	titled := false // the title says what the document does with it
	for _, m := range g.mentions {
		if m.inTitle && m.rel != RelCites && !titled {
			r.Relation, titled = m.rel, true
		}
		if !titled && relationRank[m.rel] > relationRank[r.Relation] {
			r.Relation = m.rel
		}
		r.Mentions = append(r.Mentions, Mention{Text: text[m.start:m.end], Span: Span{m.start, m.end}, Section: secOf(m.start), Relation: m.rel})
	}
	r.ID = refID(r)
	return r
}

func lawName(g *refGroup) string {
	if g.symbol == "" && g.name != "" {
		return g.name
	}
	return ""
}

// richest returns the full mention with the most attributes written.
func (g *refGroup) richest() *mention {
	var best *mention
	score := -1
	for _, m := range g.mentions {
		s := 0
		if m.hasDate {
			s += 5 // a full date tells more than a year
		} else if m.year != 0 {
			s += 4
		}
		if m.issuer != "" {
			s += 2
		}
		if m.term != "" {
			s++
		}
		if s > score {
			best, score = m, s
		}
	}
	return best
}

// term is the document's term: from its date for central party
// documents, else the most written one.
func (g *refGroup) term() string {
	count := map[string]int{}
	best := ""
	for _, m := range g.mentions {
		if m.hasDate && isPartyCentral(g.symbol) {
			return termOfDate(m.date.startISO())
		}
		if m.term != "" {
			count[m.term]++
			if count[m.term] > count[best] {
				best = m.term
			}
		}
	}
	return best
}

func refID(r *Reference) string {
	switch {
	case r.Symbol != "" && r.Date != "":
		return string(r.Symbol) + "@" + string(r.Date)
	case r.Symbol != "":
		return string(r.Symbol)
	case r.Name != "":
		id := r.Kind + ": " + string(r.Name)
		if r.Date != "" {
			id += "@" + string(r.Date)
		}
		return id
	}
	return r.Kind + " " + string(r.Number)
}
