package extract

import "testing"

// TestLexDate: one row per written form of a date phrase.
func TestLexDate(t *testing.T) {
	tests := []struct {
		in, start, end, prec, text string
	}{
		{"03/6/2013", "2013-06-03", "2013-06-03", PrecDay, "03/6/2013"},
		{"03-6-2013", "2013-06-03", "2013-06-03", PrecDay, "03-6-2013"},
		{"03.6.2013", "2013-06-03", "2013-06-03", PrecDay, "03.6.2013"},
		{"ngày 02 tháng 6 năm 2023", "2023-06-02", "2023-06-02", PrecDay, "ngày 02 tháng 6 năm 2023"},
		{"ngày 17-6-2021 của", "2021-06-17", "2021-06-17", PrecDay, "ngày 17-6-2021"},
		{"15 tháng 5 năm 2005.", "2005-05-15", "2005-05-15", PrecDay, "15 tháng 5 năm 2005"},
		{"tháng 6/2018.", "2018-06-01", "2018-06-30", PrecMonth, "tháng 6/2018"},
		{"tháng 6 năm 2018", "2018-06-01", "2018-06-30", PrecMonth, "tháng 6 năm 2018"},
		{"Tháng 7/2023 (Theo", "2023-07-01", "2023-07-31", PrecMonth, "Tháng 7/2023"},
		{"tháng 9 - 10/2023", "2023-09-01", "2023-10-31", PrecRange, "tháng 9 - 10/2023"},
		{"tháng 8 và tháng 9/2016", "2016-08-01", "2016-09-30", PrecRange, "tháng 8 và tháng 9/2016"},
		{"tháng 10 – 11/2023", "2023-10-01", "2023-11-30", PrecRange, "tháng 10 – 11/2023"},
		{"tháng 3, 4, 5, 6/2020 được", "2020-03-01", "2020-06-30", PrecRange, "tháng 3, 4, 5, 6/2020"},
		{"tháng 7, 8/2023.", "2023-07-01", "2023-08-31", PrecRange, "tháng 7, 8/2023"},
		{"tháng 3, 5/2020", "", "", PrecMonth, "tháng 3"},   // not the next month: no list
		{"tháng 3, 4 đơn vị", "", "", PrecMonth, "tháng 3"}, // no year: a count follows, no list
		{"tháng 10, 11 và 12/2023", "2023-10-01", "2023-12-31", PrecRange, "tháng 10, 11 và 12/2023"},
		{"tháng 10, quý 4/2023", "", "", PrecMonth, "tháng 10"}, // another unit: no list
		{"quý III, IV/2023", "2023-07-01", "2023-12-31", PrecRange, "quý III, IV/2023"},
		{"quý I, II và III năm 2024", "2024-01-01", "2024-09-30", PrecRange, "quý I, II và III năm 2024"},
		{"quý III và quý IV/2023", "2023-07-01", "2023-12-31", PrecRange, "quý III và quý IV/2023"},
		{"ngày 15-16/9/2023", "2023-09-15", "2023-09-16", PrecRange, "ngày 15-16/9/2023"},
		{"ngày 15 và 16/9/2023", "2023-09-15", "2023-09-16", PrecRange, "ngày 15 và 16/9/2023"},
		{"ngày 15, 16/9/2023", "2023-09-15", "2023-09-16", PrecRange, "ngày 15, 16/9/2023"},
		{"quý III-2021", "2021-07-01", "2021-09-30", PrecQuarter, "quý III-2021"},
		{"quý II/2023", "2023-04-01", "2023-06-30", PrecQuarter, "quý II/2023"},
		{"quý 2/2018", "2018-04-01", "2018-06-30", PrecQuarter, "quý 2/2018"},
		{"quý II năm 2024", "2024-04-01", "2024-06-30", PrecQuarter, "quý II năm 2024"},
		{"Quý IV/2023", "2023-10-01", "2023-12-31", PrecQuarter, "Quý IV/2023"},
		{"quý I – quý II năm 2025", "2025-01-01", "2025-06-30", PrecRange, "quý I – quý II năm 2025"},
		{"quý 3-4/2019", "2019-07-01", "2019-12-31", PrecRange, "quý 3-4/2019"},
		{"quý IV - 2022", "2022-10-01", "2022-12-31", PrecQuarter, "quý IV - 2022"},
		{"đầu tháng 11/2014", "2014-11-01", "2014-11-10", PrecPartOfMonth, "đầu tháng 11/2014"},
		{"giữa tháng 9/2021", "2021-09-11", "2021-09-20", PrecPartOfMonth, "giữa tháng 9/2021"},
		{"cuối tháng 11/2014", "2014-11-21", "2014-11-30", PrecPartOfMonth, "cuối tháng 11/2014"},
		{"cuối tháng 2/2024", "2024-02-21", "2024-02-29", PrecPartOfMonth, "cuối tháng 2/2024"},
		{"đầu năm 2022", "2022-01-01", "2022-03-31", PrecPartOfYear, "đầu năm 2022"},
		{"cuối năm 2023", "2023-10-01", "2023-12-31", PrecPartOfYear, "cuối năm 2023"},
		{"6 tháng đầu năm 2024", "2024-01-01", "2024-06-30", PrecPartOfYear, "6 tháng đầu năm 2024"},
		{"6 tháng cuối năm 2022", "2022-07-01", "2022-12-31", PrecPartOfYear, "6 tháng cuối năm 2022"},
		{"năm 2025", "2025-01-01", "2025-12-31", PrecYear, "năm 2025"},
		{"Năm 2021, hoàn thành", "2021-01-01", "2021-12-31", PrecYear, "Năm 2021"},
	}
	for _, tt := range tests {
		d, ok := lexDate(tt.in, 0)
		if !ok {
			t.Errorf("lexDate(%q): no date", tt.in)
			continue
		}
		got := tt.in[d.start:d.end]
		if d.startISO() != tt.start || d.endISO() != tt.end || d.prec != tt.prec || got != tt.text {
			t.Errorf("lexDate(%q) = %q %s..%s %s; want %q %s..%s %s", tt.in, got, d.startISO(), d.endISO(), d.prec, tt.text, tt.start, tt.end, tt.prec)
		}
	}
}

// TestLexDateYearless: dates written without a year keep year 0.
func TestLexDateYearless(t *testing.T) {
	for _, in := range []string{"ngày 20/9", "ngày 15 tháng 12", "tháng 6"} {
		d, ok := lexDate(in, 0)
		if !ok || d.y != 0 {
			t.Errorf("lexDate(%q) = %+v, %v; want a year-less date", in, d, ok)
		}
	}
}

// TestLexDateRejects: numbers that are not dates.
func TestLexDateRejects(t *testing.T) {
	for _, in := range []string{"32/13/2020", "1,5 ngày", "2009", "năm 20", "quý V/2020", "quý III - II/2022", "100%", "3 tháng", "6 tháng đầu", "15 tháng 5 năm",
		"quý II, IV/2023", "ngày 16-15/9/2023"} { // not the next quarter; a later day first
		if d, ok := lexDate(in, 0); ok {
			t.Errorf("lexDate(%q) = %q, want none", in, in[d.start:d.end])
		}
	}
}
