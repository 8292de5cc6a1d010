package main

import (
	"fmt"

	"github.com/smithygen/smithygen/generated/appfabric"
	"github.com/smithygen/smithygen/generated/appflow"
	"github.com/smithygen/smithygen/generated/quicksight"
)

// newServices serves every generated package; a package generated later is
// added here (the test TestEveryGeneratedPackageIsServed fails until it is).
func newServices(cfg config) ([]*service, error) {
	var mode struct {
		quicksight quicksight.ValidationMode
		appfabric  appfabric.ValidationMode
		appflow    appflow.ValidationMode
	}
	switch cfg.validation {
	case "all":
		mode.quicksight, mode.appfabric, mode.appflow = quicksight.ValidateAll, appfabric.ValidateAll, appflow.ValidateAll
	case "required":
		mode.quicksight, mode.appfabric, mode.appflow = quicksight.ValidateRequired, appfabric.ValidateRequired, appflow.ValidateRequired
	case "off":
		mode.quicksight, mode.appfabric, mode.appflow = quicksight.ValidateOff, appfabric.ValidateOff, appflow.ValidateOff
	default:
		return nil, fmt.Errorf("-validation %q: want all, required or off", cfg.validation)
	}
	return []*service{
		{
			name: "quicksight", signingName: quicksight.SigningName, match: quicksight.MatchOperation,
			handler: quicksight.NewServer(quicksight.NewFake(quicksight.WithRegion(cfg.region), quicksight.WithAccountID(cfg.account)),
				quicksight.WithValidation(mode.quicksight)),
		},
		{
			name: "appfabric", signingName: appfabric.SigningName, match: appfabric.MatchOperation,
			handler: appfabric.NewServer(appfabric.NewFake(appfabric.WithRegion(cfg.region), appfabric.WithAccountID(cfg.account)),
				appfabric.WithValidation(mode.appfabric)),
		},
		{
			name: "appflow", signingName: appflow.SigningName, match: appflow.MatchOperation,
			handler: appflow.NewServer(appflow.NewFake(appflow.WithRegion(cfg.region), appflow.WithAccountID(cfg.account)),
				appflow.WithValidation(mode.appflow)),
		},
	}, nil
}
