"""Collects the query counts of tests/perf/test_query_budgets.py and prints them as a table at the end of the run.

The test records them as a property of its report, which reaches the main process also when pytest-xdist runs
the test in a worker.
"""

QUERY_COUNTS_PROPERTY = "query_counts"
QUERY_COUNTS = {}  # page type -> ({number of stories: queries}, budget)


def pytest_runtest_logreport(report):
    for name, value in report.user_properties:
        if name == QUERY_COUNTS_PROPERTY:
            QUERY_COUNTS.update(value)


def pytest_terminal_summary(terminalreporter):
    if not QUERY_COUNTS:
        return
    story_counts = sorted({count for counts, _budget in QUERY_COUNTS.values() for count in counts})
    width = max(len(page_type) for page_type in QUERY_COUNTS) + 2
    terminalreporter.section("queries per public page")
    header = f"{'page type':<{width}}" + "".join(f"{f'{n} stories':>12}" for n in story_counts) + f"{'budget':>8}"
    terminalreporter.write_line(header)
    for page_type, (counts, budget) in QUERY_COUNTS.items():
        cells = "".join(f"{counts.get(n, '-'):>12}" for n in story_counts)
        terminalreporter.write_line(f"{page_type:<{width}}{cells}{budget:>8}")
