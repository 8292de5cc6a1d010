package bench

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"time"
)

// ErrNoMoto reports that moto's server is not installed.
var ErrNoMoto = errors.New("moto_server not on PATH (pip install 'moto[server]')")

// StartMoto starts moto's standalone server on a free loopback port and
// waits until it answers.
func StartMoto() (*Process, error) {
	exe, err := exec.LookPath("moto_server")
	if err != nil {
		return nil, ErrNoMoto
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(exe, "-H", "127.0.0.1", "-p", strconv.Itoa(port))
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &Process{URL: fmt.Sprintf("http://127.0.0.1:%d", port), cmd: cmd}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		res, err := http.Get(p.URL + "/moto-api/")
		if err == nil {
			res.Body.Close()
			return p, nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	p.Stop()
	return nil, fmt.Errorf("moto_server on port %d did not answer within 60s", port)
}
