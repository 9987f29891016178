package tenants

import (
	"context"
	"testing"
)

// After -fix, two tenants still reach two databases.
func TestBehaviorTenantsKeepTheirDatabases(t *testing.T) {
	pools, err := Pools(context.Background(), []Tenant{
		{"eu", "postgres://app@127.0.0.2:1/eu"},
		{"us", "postgres://app@127.0.0.3:1/us"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, host := range map[string]string{"eu": "127.0.0.2", "us": "127.0.0.3"} {
		if got := pools[name].Config().ConnConfig.Host; got != host {
			t.Errorf("tenant %s's pool connects to %s, want %s", name, got, host)
		}
	}
}
