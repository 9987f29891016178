module example.com/registries

go 1.26.0
