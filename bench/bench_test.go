package bench

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"testing"
)

// The benchmarks of this file are the Go side of `make bench`; CI builds
// and runs each once (go test -run ^$ -bench . -benchtime 1x ./bench/...)
// so that they cannot rot. The side-by-side comparisons and the table are
// cmd/benchreport's.

func exchanges(tb testing.TB) *Exchanges {
	tb.Helper()
	ex, err := RecordExchanges()
	if err != nil {
		tb.Fatal(err)
	}
	return ex
}

func BenchmarkHandler(b *testing.B) {
	ex := exchanges(b)
	b.Run("Describe", HandlerDescribe(ex))
	b.Run("Create", HandlerCreate(ex))
	b.Run("Floor", HandlerFloor(ex))
}

func BenchmarkJSON(b *testing.B) {
	for _, c := range Codecs(exchanges(b)) {
		b.Run(c.Name+"/Decode", c.Decode)
		b.Run(c.Name+"/DecodeAnchor", c.DecodeAnchor)
		b.Run(c.Name+"/Encode", c.Encode)
		b.Run(c.Name+"/EncodeAnchor", c.EncodeAnchor)
	}
}

// BenchmarkRoundTrip is the real SDK client calling DescribeActionConnector
// over loopback, against the fake and against the floor server.
func BenchmarkRoundTrip(b *testing.B) {
	ex := exchanges(b)
	fake, err := NewFakeWithConnector()
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range []struct {
		name string
		srv  *httptest.Server
	}{{"Fake", httptest.NewServer(fake)}, {"Floor", httptest.NewServer(FloorServer(ex.Describe))}} {
		defer s.srv.Close()
		c := NewClient(s.srv.URL, nil)
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := c.DescribeActionConnector(context.Background(), DescribeInput()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGenerate runs the generator's phases in process (no writing) on
// the default specs, on synthetic models and, unless -short or without
// ../shared, on the whole official QuickSight model (also skipped with
// -benchtime 1x, as CI runs it).
func BenchmarkGenerate(b *testing.B) {
	models, err := DefaultModels()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{40, 120} {
		models = append(models, Synthetic(n))
	}
	for _, m := range models {
		b.Run(m.Name, func(b *testing.B) { benchGenerate(b, m) })
	}
	b.Run("quicksight.json", func(b *testing.B) {
		if testing.Short() || flag.Lookup("test.benchtime").Value.String() == "1x" {
			b.Skip("-short or -benchtime 1x (the CI build check): the whole QuickSight model takes seconds")
		}
		m, err := OfficialQuickSight()
		if err != nil {
			b.Skip(err)
		}
		benchGenerate(b, m)
	})
}

func benchGenerate(b *testing.B, m Model) {
	b.ReportAllocs()
	var ph Phases
	for range b.N {
		var err error
		if ph, _, err = Generate(m, ""); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(ph.IRShapes), "shapes")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(ph.IRShapes), "ns/shape")
}

func TestSyntheticGenerates(t *testing.T) {
	for _, n := range []int{1, 7, 25} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			ph, files, err := Generate(Synthetic(n), "")
			if err != nil {
				t.Fatal(err)
			}
			// n structures, n lists, one enum and one union per five
			// structures, Leaf, TagMap, two errors, an input and an output
			// per ten structures, and six simple shapes (Id, Text and the
			// prelude's String, Integer, Boolean and Timestamp).
			groups := max(1, n/5)
			want := 2*n + 2*groups + 1 + 1 + 2 + 2*((n+9)/10) + 6
			if ph.IRShapes != want {
				t.Errorf("%d generated shapes, want %d", ph.IRShapes, want)
			}
			if len(files) == 0 {
				t.Error("no files")
			}
		})
	}
}

func TestCumSeconds(t *testing.T) {
	top := []byte(`      flat  flat%   sum%        cum   cum%
         0     0%     0%      5.99s 49.34%  github.com/smithygen/smithygen/generator.Generate
         0     0%     0%      870ms 12.41%  go/format.Source
`)
	for fn, want := range map[string]float64{"github.com/smithygen/smithygen/generator.Generate": 5.99, "go/format.Source": 0.87} {
		got, err := cumSeconds(top, fn)
		if err != nil || got != want {
			t.Errorf("cumSeconds(%s) = %v, %v; want %v", fn, got, err, want)
		}
	}
	if total, err := totalSeconds([]byte("Duration: 43.79s, Total samples = 12.14s (27.72%)")); err != nil || total != 12.14 {
		t.Errorf("totalSeconds = %v, %v", total, err)
	}
	if _, err := cumSeconds(top, "go/printer.Fprint"); err == nil {
		t.Error("no error for a function the profile lacks")
	}
}

func TestRecordExchanges(t *testing.T) {
	ex := exchanges(t)
	if ex.Create.Status != 200 || ex.Describe.Status != 200 {
		t.Fatalf("statuses %d, %d", ex.Create.Status, ex.Describe.Status)
	}
	// HandlerCreate rewrites the connector ID in the body.
	if !bytes.Contains(ex.Create.Body, []byte(ConnectorID)) {
		t.Errorf("create body lacks %q: %s", ConnectorID, ex.Create.Body)
	}
	if !bytes.Contains(ex.Describe.RespBody, []byte("AuthorizationCodeGrantMetadata")) {
		t.Errorf("described connector lacks its union-valued metadata: %s", ex.Describe.RespBody)
	}
}
