package main

import (
	"fmt"
	"testing"
	"time"

	"github.com/smithygen/smithygen/bench"
)

// micro is the medians of a micro-benchmark's repetitions.
type micro struct {
	ns, bytes, allocs []float64
}

func (m *micro) add(res testing.BenchmarkResult) {
	m.ns = append(m.ns, float64(res.NsPerOp()))
	m.bytes = append(m.bytes, float64(res.AllocedBytesPerOp()))
	m.allocs = append(m.allocs, float64(res.AllocsPerOp()))
}

func (m *micro) nsop() float64 { return median(m.ns) }

func (m *micro) String() string {
	return fmt.Sprintf("%s/op%s, %.0f B/op, %.0f allocs/op", dur(time.Duration(median(m.ns))), spread(m.ns), median(m.bytes), median(m.allocs))
}

// interleave runs the benchmarks fs round after round, in turn (in reverse
// order on odd rounds), and returns the results of each.
func (e *env) interleave(fs ...func(*testing.B)) []*micro {
	out := make([]*micro, len(fs))
	for i := range out {
		out[i] = &micro{}
	}
	for round := range e.rounds {
		for k := range fs {
			i := k
			if round%2 == 1 {
				i = len(fs) - 1 - k
			}
			out[i].add(testing.Benchmark(fs[i]))
		}
	}
	return out
}

func (e *env) exchanges() (*bench.Exchanges, error) {
	if e.ex != nil {
		return e.ex, nil
	}
	ex, err := bench.RecordExchanges()
	e.ex = ex
	return ex, err
}

// jsonCodecs: the generated codecs against encoding/json with map[string]any.
func (e *env) jsonCodecs(r *report) {
	const target = "≥ 1.5× faster"
	ex, err := e.exchanges()
	if err != nil {
		r.fail("JSON codecs", target, err)
		return
	}
	for _, c := range bench.Codecs(ex) {
		res := e.interleave(c.Decode, c.DecodeAnchor, c.Encode, c.EncodeAnchor)
		for i, what := range []string{"decode", "encode"} {
			ours, anchor := res[2*i], res[2*i+1]
			x := pairedRatio(anchor.ns, ours.ns)
			r.add(row{fmt.Sprintf("JSON %s %s (%d B, unions), generated codec vs encoding/json with map[string]any", what, c.Name, len(c.Body)),
				ours.String(), anchor.String(), ratio(x) + " faster", target, yes(x >= 1.5)})
		}
	}
}

// handler: the server's cost per request, without network.
func (e *env) handler(r *report) {
	const target = "≤ 15% of the round trip"
	ex, err := e.exchanges()
	if err != nil {
		r.fail("Handler cost", target, err)
		return
	}
	res := e.interleave(bench.HandlerDescribe(ex), bench.HandlerCreate(ex), bench.HandlerFloor(ex))
	describe, create, floor := res[0], res[1], res[2]
	rtt := "—"
	x, met := 0.0, "not measured: no round trip"
	if e.rtt1 > 0 {
		rtt = "SDK round trip, 1 client: " + dur(e.rtt1)
		x = describe.nsop() / float64(e.rtt1)
		met = yes(x <= 0.15)
	}
	r.add(row{"Handler DescribeActionConnector (NewServer over the fake, httptest.ResponseRecorder)", describe.String(), rtt,
		fmt.Sprintf("%.1f%%", 100*x), target, met})
	r.add(row{"Handler CreateActionConnector (union-heavy body, new connector each time)", create.String(), "—", "—", "— (reported)", "—"})
	r.add(row{"… floor handler (fixed reply bytes; cost of request + recorder alone)", floor.String(), "—", "—", "— (reported)", "—"})
}
