"""The mail engine: connection check and test send, with diagnosis. No Qt here."""

from smtp_gui.smtp.cancel import CancelToken
from smtp_gui.smtp.engine import check, send_test
from smtp_gui.smtp.result import Diagnosis, Result, Step

__all__ = ["CancelToken", "Diagnosis", "Result", "Step", "check", "send_test"]
