"""What the tests and the benchmarks both start: a private PostgreSQL cluster (`pg`), the
whole suite on free ports (`suite`), and a throwaway producer and consumer (`probe`).

It stands beside `ops/`, above the services: the tests and `bench/` import it, and nothing
that runs in production does.
"""
