print('claims placeholder')
