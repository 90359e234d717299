# Start-up: an empty program, subtracted from every other row's time for the net ratio.
