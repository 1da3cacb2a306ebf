"""The residents' check: questions, answers, eligibility, income, norms, reasons and unchecked conditions."""
