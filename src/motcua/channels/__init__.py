"""Chat channels (Telegram, the province's signed webhook): thin adapters over CitizenService.

Each provider is one module implementing ``base.Channel``; ``testing.ChannelContract`` is the
contract test suite every provider's tests subclass.
"""
