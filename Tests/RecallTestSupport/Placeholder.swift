import Notebook
