package bench

import (
	"testing"
)

func TestTryWhole(t *testing.T) {
	m, dropped, err := OfficialQuickSight()
	if err != nil {
		t.Skip(err)
	}
	t.Log(dropped)
	ph, _, err := Generate(m, "/tmp/sgb/qsall")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v emit %v total %v", ph, ph.Emit(), ph.Total())
}
