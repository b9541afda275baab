"""Collects the query counts of tests/perf and prints them as a table at the end of the run."""

QUERY_COUNTS = {}  # page type -> {number of stories: queries}


def pytest_terminal_summary(terminalreporter):
    if not QUERY_COUNTS:
        return
    from tests.perf.test_query_budgets import BUDGETS

    story_counts = sorted({count for counts in QUERY_COUNTS.values() for count in counts})
    terminalreporter.section("queries per public page")
    header = f"{'page type':<16}" + "".join(f"{f'{n} stories':>12}" for n in story_counts) + f"{'budget':>8}"
    terminalreporter.write_line(header)
    for page_type, counts in QUERY_COUNTS.items():
        cells = "".join(f"{counts.get(n, '-'):>12}" for n in story_counts)
        terminalreporter.write_line(f"{page_type:<16}{cells}{BUDGETS[page_type]:>8}")
