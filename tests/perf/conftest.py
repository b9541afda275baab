"""Collects the query counts of tests/perf/test_query_budgets.py and prints them as a table at the end of the run."""

QUERY_COUNTS = {}  # page type -> {number of stories: queries}


def pytest_terminal_summary(terminalreporter):
    if not QUERY_COUNTS:
        return
    from tests.perf.test_query_budgets import BUDGETS

    story_counts = sorted({count for counts in QUERY_COUNTS.values() for count in counts})
    width = max(len(page_type) for page_type in QUERY_COUNTS) + 2
    terminalreporter.section("queries per public page")
    header = f"{'page type':<{width}}" + "".join(f"{f'{n} stories':>12}" for n in story_counts) + f"{'budget':>8}"
    terminalreporter.write_line(header)
    for page_type, counts in QUERY_COUNTS.items():
        cells = "".join(f"{counts.get(n, '-'):>12}" for n in story_counts)
        terminalreporter.write_line(f"{page_type:<{width}}{cells}{BUDGETS[page_type]:>8}")
