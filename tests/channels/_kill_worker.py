"""Child process of test_delivery: starts one delivery and is killed while it sends.

Run as ``python -m tests.channels._kill_worker DB_URL HOME API_BASE ROW_ID``.
"""

from __future__ import annotations

import sys

from motcua._settings import Settings
from motcua.channels.base import Provider
from motcua.channels.delivery import ChannelDelivery
from motcua.channels.telegram import TelegramChannel
from motcua.store.db import open_database
from tests.channels.test_telegram import SECRET, TOKEN
from tests.web.fake import FakeAssistant


def main() -> None:
    url, home, base, row_id = sys.argv[1:5]
    db = open_database(url)
    channels = {Provider.TELEGRAM: TelegramChannel(TOKEN, SECRET, base)}
    delivery = ChannelDelivery(Settings(home=home), db, channels, FakeAssistant)
    delivery.run(int(row_id))  # the parent kills us while the stand-in holds the send


if __name__ == "__main__":
    main()
